"""Answers for walking the journeys in tests and the benchmark: step slug -> form data."""

PARENT_COMPLAINT: dict[str, dict[str, object]] = {
    "who": {"who": "parent"},
    "about-you": {"name": "Sam Parent"},
    "child": {
        "name": "Alex Parent",
        "date_of_birth_day": "3",
        "date_of_birth_month": "4",
        "date_of_birth_year": "2014",
    },
    "consent": {"consent": "yes"},
    "service": {"area": "child_in_care"},
    "what-happened": {"details": "The social worker did not return my calls for six weeks."},
    "when": {"when": "exact"},
    "when-date": {"date_day": "2", "date_month": "3", "date_year": "2026"},
    "outcome": {"outcome": "An apology, and a named person to call."},
    "contact": {"methods": ["email"], "email": "sam.parent@example.org"},
    "safe-contact": {"safe": "yes"},
    "support": {"language": ""},
}

YOUNG_PERSON: dict[str, dict[str, object]] = {
    "advocate": {"advocate": "yes"},
    "you": {"name": "Jo Young", "age": "14"},
    "whats-wrong": {"details": "I have had four social workers this year and nobody listens."},
    "make-it-better": {"outcome": "One social worker who stays."},
    "contact": {"methods": ["advocate"]},
    "safe": {"safe": "yes"},
}

FEEDBACK: dict[str, dict[str, object]] = {
    "kind": {"kind": "compliment"},
    "message": {"message": "Our foster care social worker was brilliant.", "about": "Kim"},
    "your-details": {"name": "Pat Carer", "email": "pat@example.org"},
}
