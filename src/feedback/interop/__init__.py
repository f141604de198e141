"""Interoperability: questionnaires and responses as FHIR R4 resources for other systems."""
