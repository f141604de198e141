"""PALS concerns, complaints and compliments: intake, case work, the working-day clock."""
