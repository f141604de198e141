from __future__ import annotations

from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from feedback.web.forms import BaseForm


class AcknowledgeWarningForm(BaseForm):
    note = TextAreaField(
        "What was found or done",
        description="For example: the ward manager checked; two staff were off sick for the "
        "month, and the comments are about waiting for leave.",
        validators=[
            DataRequired("Enter what was found or done before acknowledging the warning"),
            Length(max=4000, message="Keep the note under 4,000 characters"),
        ],
    )


class QuoteForm(BaseForm):
    text = TextAreaField(
        "Words to quote",
        description="Personal details are already replaced. Shorten the comment if you need "
        "to, but do not change its meaning. It is checked for names again when you save.",
        validators=[
            DataRequired("Enter the words to quote"),
            Length(max=400, message="Keep the quote to 400 characters or fewer"),
        ],
    )
