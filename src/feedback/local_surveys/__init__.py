"""Local surveys on the questionnaire engine: team surveys, event evaluations and pre/post pairs
that the patient experience team publishes as definition files, and results for any
questionnaire."""
