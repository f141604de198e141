"""The care-planning PROM: offers (the denominator), peer-assisted completion, and figures."""
