"""'You said, we did': actions the trust took because of feedback, and ward posters of them."""
