"""Which roles may open each kind of staff page (issue 4; domain.md §1.2).

External people (investigating officers, independent people, panel members, advocates) reach
only the pages of cases they are appointed to: the selector scopes every case read, and no list
or search across cases is open to them.
"""

from redress.domain.roles import EXTERNAL_ROLES, Role

COMPLAINTS_TEAM = frozenset({Role.COMPLAINTS_MANAGER, Role.COMPLAINTS_OFFICER})
# Council staff who work on or oversee cases: queues, search and every case page.
INTERNAL_READERS = COMPLAINTS_TEAM | {
    Role.RESPONDING_MANAGER,
    Role.ADJUDICATING_OFFICER,
    Role.DIRECTOR,
    Role.AUDITOR,
}
# Anyone who may open a case page (external people only their appointed cases).
CASE_READERS = INTERNAL_READERS | EXTERNAL_ROLES
AUDITORS = frozenset({Role.AUDITOR, Role.COMPLAINTS_MANAGER})
# Everyone who has any staff page: the landing page sends each to the right place.
ANY_ROLE = CASE_READERS
# Roles that see a restricted case page: what the complainant shares, no internal notes.
RESTRICTED_READERS = frozenset({Role.ADVOCATE})
