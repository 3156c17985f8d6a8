"""The demo council's people: staff in every role, the external pool, and names for complainants.

Every name here is invented. Contact details use reserved ranges only (the example.org domain of
RFC 2606 and Ofcom's 07700 900xxx drama numbers), so nothing real is ever contacted.
"""

from dataclasses import dataclass

from redress.domain.roles import Role

# One shared password for every demo account; `manage.py demo_sign_in_details` prints it.
DEMO_PASSWORD = "redress-demo"

# The complaints team takes its name from the council profile (`team_name`); these are the
# service teams whose managers answer complaints at stage 1.
SERVICE_TEAMS = (
    "Children Looked After Team",
    "Children in Need Team",
    "Multi-Agency Safeguarding Hub and Assessment Team",
    "Child Protection and Conference Service",
    "Disabled Children's Service",
    "Leaving Care Service",
    "Fostering Service",
    "Adoption and Special Guardianship Support",
    "Children's Homes",
    "Early Help Service",
    "SEND and Inclusion Service",
)
COMPLAINTS_TEAM = ""  # stands for the profile's complaints team in the table below


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: Role
    job_title: str
    team: str | None = None  # COMPLAINTS_TEAM, a service team, or None for external people

    @property
    def is_external(self) -> bool:
        return self.team is None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def email(self) -> str:
        return f"{self.username}@example.org"


def _user(username: str, role: Role, job_title: str, team: str | None) -> DemoUser:
    first, last = (part.title() for part in username.split("."))
    return DemoUser(username, first, last, role, job_title, team)


# fmt: off
STAFF: tuple[DemoUser, ...] = (
    # The council's complaints team
    _user("helen.ashworth", Role.COMPLAINTS_MANAGER, "Complaints Manager", COMPLAINTS_TEAM),
    _user("priya.sharma", Role.COMPLAINTS_OFFICER, "Complaints Officer", COMPLAINTS_TEAM),
    _user("tom.whitaker", Role.COMPLAINTS_OFFICER, "Complaints Officer", COMPLAINTS_TEAM),
    # Managers who answer at stage 1 and own actions, one per service team
    _user("gareth.pryce", Role.RESPONDING_MANAGER, "Team Manager", "Children Looked After Team"),
    _user("joanne.kerr", Role.RESPONDING_MANAGER, "Team Manager", "Children in Need Team"),
    _user("rachel.oduya", Role.RESPONDING_MANAGER, "Team Manager",
          "Multi-Agency Safeguarding Hub and Assessment Team"),
    _user("neil.cartwright", Role.RESPONDING_MANAGER, "Service Manager",
          "Child Protection and Conference Service"),
    _user("imran.qureshi", Role.RESPONDING_MANAGER, "Team Manager", "Disabled Children's Service"),
    _user("lucy.fairbrother", Role.RESPONDING_MANAGER, "Team Manager", "Leaving Care Service"),
    _user("stuart.bellamy", Role.RESPONDING_MANAGER, "Team Manager", "Fostering Service"),
    _user("angela.crossley", Role.RESPONDING_MANAGER, "Team Manager",
          "Adoption and Special Guardianship Support"),
    _user("paul.entwistle", Role.RESPONDING_MANAGER, "Registered Manager", "Children's Homes"),
    _user("karen.holt", Role.RESPONDING_MANAGER, "Early Help Manager", "Early Help Service"),
    _user("deborah.lam", Role.RESPONDING_MANAGER, "SEND Manager", "SEND and Inclusion Service"),
    # Senior managers
    _user("andrew.mercer", Role.ADJUDICATING_OFFICER, "Head of Service, Children's Social Care",
          COMPLAINTS_TEAM),
    _user("catherine.lowe", Role.DIRECTOR, "Director of Children's Services", COMPLAINTS_TEAM),
    _user("martin.gledhill", Role.AUDITOR, "Internal Auditor", COMPLAINTS_TEAM),
    _user("sam.okoro", Role.ADMINISTRATOR, "Systems Administrator", COMPLAINTS_TEAM),
    # External people: they see only the cases they are appointed to
    _user("philip.harcourt", Role.INVESTIGATING_OFFICER, "Independent Investigating Officer", None),
    _user("denise.walsh", Role.INVESTIGATING_OFFICER, "Independent Investigating Officer", None),
    _user("nathan.brierley", Role.INVESTIGATING_OFFICER, "Independent Investigating Officer", None),
    _user("margaret.osei", Role.INVESTIGATING_OFFICER, "Independent Investigating Officer", None),
    _user("janet.cowley", Role.INDEPENDENT_PERSON, "Independent Person", None),
    _user("robert.lindley", Role.INDEPENDENT_PERSON, "Independent Person", None),
    _user("yasmin.chaudhry", Role.INDEPENDENT_PERSON, "Independent Person", None),
    _user("geoffrey.pike", Role.INDEPENDENT_PERSON, "Independent Person", None),
    _user("anne-marie.doyle", Role.INDEPENDENT_PERSON, "Independent Person", None),
    _user("elizabeth.crompton", Role.PANEL_CHAIR, "Review Panel Chair", None),
    _user("howard.bright", Role.PANEL_CHAIR, "Review Panel Chair", None),
    _user("susan.tattersall", Role.PANEL_MEMBER, "Review Panel Member", None),
    _user("michael.adeyemi", Role.PANEL_MEMBER, "Review Panel Member", None),
    _user("pauline.heywood", Role.PANEL_MEMBER, "Review Panel Member", None),
    _user("raymond.kirk", Role.PANEL_MEMBER, "Review Panel Member", None),
    _user("chloe.marshall", Role.ADVOCATE, "Independent Advocate", None),
    _user("jordan.ellis", Role.ADVOCATE, "Independent Advocate", None),
    _user("bethany.nolan", Role.ADVOCATE, "Independent Advocate", None),
)
# fmt: on

STAFF_BY_USERNAME = {user.username: user for user in STAFF}


def usernames_in(role: Role) -> tuple[str, ...]:
    return tuple(user.username for user in STAFF if user.role is role)


# Names for complainants, children and representatives. A mix of names common in England.
ADULT_FIRST_NAMES = (
    "Sarah", "Emma", "Claire", "Rebecca", "Laura", "Michelle", "Joanne", "Kelly", "Nicola",
    "Amanda", "Gemma", "Lisa", "Hayley", "Kirsty", "Stacey", "Natalie", "Jade", "Zoe", "Fatima",
    "Aisha", "Priya", "Nadia", "Shabana", "Agnieszka", "Chantelle", "Leanne", "Donna", "Tracey",
    "Abimbola", "Roxanne", "David", "Mark", "Paul", "Lee", "Craig", "Darren", "Jason", "Wayne",
    "Gary", "Stephen", "James", "Daniel", "Ryan", "Mohammed", "Imran", "Tariq", "Kwame", "Tomasz",
    "Liam", "Carl", "Andrew", "Simon", "Dean", "Marcus",
)  # fmt: skip
CHILD_FIRST_NAMES = (
    "Oliver", "Jack", "Harry", "Charlie", "Leo", "Noah", "Alfie", "Freddie", "Oscar", "Archie",
    "Ethan", "Mason", "Tyler", "Kai", "Riley", "Ayaan", "Yusuf", "Callum", "Kyle", "Reece",
    "Jayden", "Kacper", "Olivia", "Amelia", "Isla", "Ava", "Mia", "Lily", "Sophie", "Grace",
    "Evie", "Poppy", "Ruby", "Ella", "Chloe", "Maisie", "Layla", "Zara", "Hana", "Amira", "Skye",
    "Maja", "Tia", "Demi",
)  # fmt: skip
SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Johnson", "Roberts",
    "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
    "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Turner", "Hill", "Scott", "Cooper",
    "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Harrison", "Morgan", "Patel", "Khan",
    "Hussain", "Ali", "Ahmed", "Begum", "Kowalski", "Nowak", "Okafor", "Mensah", "Campbell",
    "Kelly", "Murphy", "O'Brien", "Shaw", "Holmes", "Barnes", "Fletcher", "Atkinson", "Pearson",
    "Hartley", "Greenwood", "Dixon", "Riley", "Marsden", "Sutcliffe", "Haworth", "Nuttall",
)  # fmt: skip
STREETS = (
    "Hawthorn Close", "Mill Lane", "Victoria Street", "Church Road", "Beech Avenue",
    "Albert Terrace", "Queens Drive", "Station Road", "Moorland View", "Canal Side",
    "Primrose Bank", "Chapel Street",
)  # fmt: skip
TOWNS = ("Millbrook", "Ashford Vale", "Kingsmoor", "Oakham Bridge", "Thornley")
