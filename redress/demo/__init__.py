"""The demo council: staff in every role and a year of cases, for `make run` and `make demo`.

- `people`: the demo staff and external people, their teams, and names for complainants.
- `catalogue`: what complaints are about and the words staff write (service areas, themes, reasons).
- `scenarios`: the table of case stories (steps and timings) and the year's mix.
- `timing`: working-day timings relative to a previous step or a clock's deadline.
- `complaints`: one case's complainant, child, points and receipt.
- `runner`: plays every case through the services, in date order.
- `loader`: one transaction that loads it all; `manage.py load_demo` calls it.

It sits above every app (it uses them all) and nothing but its own tests imports it, which
import-linter keeps so. `manage.py demo_sign_in_details` prints the accounts it makes.
"""
