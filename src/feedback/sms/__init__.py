"""SMS and SMS-style feedback: FFT invites and replies by text, opt-outs, and a chat-style form."""
