"""Questionnaires defined as data, the patient journey that runs them, and the responses."""
