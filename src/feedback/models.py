"""Every table, imported once so that Alembic and the app see the whole schema."""

from feedback.actions import models as action_models  # noqa: F401
from feedback.audit import models as audit_models  # noqa: F401
from feedback.auth import api_clients  # noqa: F401
from feedback.complaints import models as complaint_models  # noqa: F401
from feedback.complaints import review, satisfaction, summary  # noqa: F401
from feedback.dashboard import council as dashboard_council  # noqa: F401
from feedback.dashboard import warnings as dashboard_warnings  # noqa: F401
from feedback.kiosks import models as kiosk_models  # noqa: F401
from feedback.local_surveys import models as local_survey_models  # noqa: F401
from feedback.metrics import models as metric_models  # noqa: F401
from feedback.notifications import models as notification_models  # noqa: F401
from feedback.organisation import models as organisation_models  # noqa: F401
from feedback.prom import models as prom_models  # noqa: F401
from feedback.prom import summary as prom_summary  # noqa: F401
from feedback.retention import models as retention_models  # noqa: F401
from feedback.scheduler import models as scheduler_models  # noqa: F401
from feedback.sms import models as sms_models  # noqa: F401
from feedback.staff_survey import models as staff_survey_models  # noqa: F401
from feedback.surveys import models as survey_models  # noqa: F401
from feedback.targets import models as target_models  # noqa: F401
from feedback.themes import models as theme_models  # noqa: F401
