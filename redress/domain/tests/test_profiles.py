import json
import tomllib
from datetime import time

import pytest

from redress.domain.profiles import (
    CEILINGS,
    FLOORS,
    MAXIMA,
    PROFILES_DIR,
    CorporateAnchor,
    CouncilProfile,
    LaResponseAnchor,
    ProfileError,
    Stage2ClockStart,
    available_profiles,
    load_profile,
    load_profile_file,
)

SHIPPED = [
    "customer-relations",
    "hampshire",
    "lancashire",
    "lgsco-code",
    "norfolk",
    "north-east-lincolnshire",
    "statutory",
]


def statutory_data():
    with (PROFILES_DIR / "statutory.toml").open("rb") as file:
        return tomllib.load(file)


def dump(data):
    """Just enough TOML for profile files: top-level strings, then tables of scalars."""
    lines = [
        f"{key} = {json.dumps(value)}" for key, value in data.items() if not isinstance(value, dict)
    ]
    for table, values in data.items():
        if isinstance(values, dict):
            lines.append(f"[{table}]")
            lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def write_profile(tmp_path, data, name="broken"):
    path = tmp_path / f"{name}.toml"
    path.write_text(dump(data))
    return path


def refusal(tmp_path, change):
    data = statutory_data()
    change(data)
    path = write_profile(tmp_path, data)
    with pytest.raises(ProfileError) as raised:
        load_profile_file(path)
    message = str(raised.value)
    assert str(path) in message
    return message


def test_the_shipped_profiles_are_available():
    assert available_profiles() == SHIPPED


@pytest.mark.parametrize("slug", SHIPPED)
def test_every_shipped_profile_loads_with_its_slug(slug):
    profile = load_profile(slug)
    assert isinstance(profile, CouncilProfile)
    assert profile.slug == slug


def test_hampshire_keeps_its_flat_60_working_day_stage_2_maximum_and_contact_details():
    hampshire = load_profile("hampshire")
    assert hampshire.stage2.response_working_days == 25
    assert hampshire.stage2.maximum_working_days == 60
    assert hampshire.acknowledgement_working_days == 4
    assert hampshire.contact.email == "childrens.services@hants.gov.uk"
    assert hampshire.contact.phone == "0300 555 1384"
    assert hampshire.contact.accepts_recordings


def test_lancashire_answers_within_15_working_days_of_the_panel_date():
    lancashire = load_profile("lancashire")
    assert lancashire.stage3.la_response_anchor is LaResponseAnchor.PANEL_DATE
    assert lancashire.team_name == "Complaints and appeals team"
    assert lancashire.contact.postal_address.endswith("County Hall, Preston PR1 8XJ")


def test_north_east_lincolnshire_acknowledges_within_2_working_days():
    assert load_profile("north-east-lincolnshire").acknowledgement_working_days == 2


def test_norfolk_acknowledges_within_5_working_days_and_runs_stage_2_from_the_request():
    norfolk = load_profile("norfolk")
    assert norfolk.acknowledgement_working_days == 5
    assert norfolk.stage2.clock_start is Stage2ClockStart.REQUEST_RECEIVED


def test_customer_relations_needs_agreement_to_extend_and_keeps_its_legacy_corporate_timescales():
    profile = load_profile("customer-relations")
    assert profile.team_name == "Customer Relations Team"
    assert profile.stage1.extension_requires_agreement
    assert profile.stage2.extension_requires_agreement
    corporate = profile.corporate
    assert corporate.stage1_response_anchor is CorporateAnchor.RECEIPT
    assert corporate.stage1_response_working_days == 10
    assert corporate.stage1_maximum_working_days == 30
    assert corporate.stage1_extension_requires_agreement
    assert corporate.stage2_response_working_days == 30
    assert corporate.stage2_response_anchor is CorporateAnchor.RECEIPT


def test_the_statutory_baseline_counts_stage_2_from_the_request_and_stage_3_from_the_report():
    # Item 13: was the agreed statement; the stricter reading, so no stage 2 case is without a
    # running council clock (domain.md §2.5).
    statutory = load_profile("statutory")
    assert statutory.stage2.clock_start is Stage2ClockStart.REQUEST_RECEIVED
    assert statutory.stage3.la_response_anchor is LaResponseAnchor.REPORT_RECEIVED
    assert statutory.receipt.cut_off is None
    assert not statutory.receipt.deemed_receipt


def test_the_lgsco_code_profile_counts_corporate_responses_from_the_acknowledgement():
    corporate = load_profile("lgsco-code").corporate
    assert corporate.stage1_response_anchor is CorporateAnchor.ACKNOWLEDGEMENT
    assert corporate.stage2_response_anchor is CorporateAnchor.ACKNOWLEDGEMENT
    assert corporate.stage1_response_working_days == 10
    assert corporate.stage1_maximum_working_days == 20
    assert corporate.stage2_response_working_days == 20
    assert corporate.stage2_maximum_working_days == 40


def test_an_unknown_slug_is_refused_listing_the_available_profiles():
    with pytest.raises(ProfileError, match="unknown council profile 'kent'") as raised:
        load_profile("kent")
    assert ", ".join(SHIPPED) in str(raised.value)


def test_a_slug_cannot_reach_outside_the_profiles_directory():
    with pytest.raises(ProfileError, match="unknown council profile"):
        load_profile("../profiles/statutory")


def test_the_slug_is_the_files_stem(tmp_path):
    path = write_profile(tmp_path, statutory_data(), name="somewhere-else")
    assert load_profile_file(path).slug == "somewhere-else"


def test_a_cut_off_time_is_read_from_hh_mm(tmp_path):
    data = statutory_data()
    data["receipt"] |= {"deemed_receipt": True, "cut_off": "17:00"}
    assert load_profile_file(write_profile(tmp_path, data)).receipt.cut_off == time(17, 0)


def test_an_unknown_key_is_refused(tmp_path):
    message = refusal(tmp_path, lambda data: data["stage2"].update(grace_working_days=5))
    assert "unknown key stage2.grace_working_days" in message


def test_an_unknown_top_level_key_is_refused(tmp_path):
    message = refusal(tmp_path, lambda data: data.update(motto="Listening"))
    assert "unknown key motto" in message


def test_an_unknown_table_is_refused(tmp_path):
    message = refusal(tmp_path, lambda data: data.update(stage4={"panel_working_days": 30}))
    assert "unknown table [stage4]" in message


def test_a_missing_key_is_refused_naming_its_type(tmp_path):
    message = refusal(tmp_path, lambda data: data["stage3"].pop("panel_working_days"))
    assert "missing key stage3.panel_working_days (an integer)" in message


def test_a_missing_table_is_refused(tmp_path):
    message = refusal(tmp_path, lambda data: data.pop("consent"))
    assert "missing table [consent]" in message


@pytest.mark.parametrize(
    ("table", "key", "value", "expected"),
    [
        ("stage1", "response_working_days", "10", "must be an integer, got str '10'"),
        ("stage1", "response_working_days", True, "must be an integer, got boolean true"),
        ("stage1", "response_working_days", 10.0, "must be an integer, got float 10.0"),
        ("stage1", "extension_requires_agreement", 1, "must be true or false, got int 1"),
        ("contact", "email", 42, "must be a non-empty string, got int 42"),
        ("contact", "phone", " ", "must be a non-empty string"),
        ("receipt", "cut_off", "5pm", 'must be a 24-hour "HH:MM" string, or "" for none'),
        ("receipt", "cut_off", "25:00", 'must be a 24-hour "HH:MM" string'),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_naming_the_expected_type(
    tmp_path, table, key, value, expected
):
    message = refusal(tmp_path, lambda data: data[table].update({key: value}))
    assert f"{table}.{key} {expected}" in message


@pytest.mark.parametrize(
    ("table", "key", "allowed"),
    [
        ("stage2", "clock_start", "request_received, statement_agreed"),
        ("stage3", "la_response_anchor", "panel_date, report_received"),
        ("corporate", "stage1_response_anchor", "receipt, acknowledgement"),
        ("time_limit", "leap_day", "last_day_of_february, first_of_march"),
    ],
)
def test_an_unknown_choice_is_refused_listing_the_allowed_ones(tmp_path, table, key, allowed):
    message = refusal(tmp_path, lambda data: data[table].update({key: "whenever"}))
    assert f"{table}.{key} = str 'whenever' is not allowed; one of: {allowed}" in message


@pytest.mark.parametrize(("key", "limit"), CEILINGS.items())
def test_a_statutory_timescale_looser_than_the_regulations_is_refused(tmp_path, key, limit):
    ceiling, source = limit
    table, name = key.split(".")
    message = refusal(tmp_path, lambda data: data[table].update({name: ceiling + 1}))
    assert f"{key} = {ceiling + 1} is looser than the Regulations allow" in message
    assert f"at most {ceiling} ({source})" in message


@pytest.mark.parametrize(("key", "limit"), FLOORS.items())
def test_a_complainants_window_shorter_than_the_baseline_is_refused(tmp_path, key, limit):
    floor, source = limit
    table, name = key.split(".")
    message = refusal(tmp_path, lambda data: data[table].update({name: floor - 1}))
    assert f"{key} = {floor - 1} is shorter than the complainant is allowed" in message
    assert f"at least {floor} ({source})" in message


@pytest.mark.parametrize(("maximum_key", "base_key"), MAXIMA.items())
def test_a_maximum_shorter_than_its_standard_timescale_is_refused(tmp_path, maximum_key, base_key):
    table, name = maximum_key.split(".")
    message = refusal(tmp_path, lambda data: data[table].update({name: 1}))
    assert f"{maximum_key} = 1 must be at least {base_key}" in message


@pytest.mark.parametrize(
    ("table", "key"),
    [("acknowledgement", "working_days"), ("corporate", "stage2_acknowledgement_working_days")],
)
def test_a_count_of_zero_is_refused(tmp_path, table, key):
    message = refusal(tmp_path, lambda data: data[table].update({key: 0}))
    assert f"{table}.{key} = 0 must be positive" in message


def test_a_profile_cannot_stretch_stage_2_beyond_65_working_days(tmp_path):
    message = refusal(tmp_path, lambda data: data["stage2"].update(maximum_working_days=66))
    assert "stage2.maximum_working_days = 66" in message
    assert "at most 65" in message


def test_a_profile_cannot_let_the_panel_meet_later_than_30_working_days(tmp_path):
    message = refusal(tmp_path, lambda data: data["stage3"].update(panel_working_days=31))
    assert "stage3.panel_working_days = 31" in message
    assert "Reg 19(4)" in message


def test_a_stricter_profile_is_accepted(tmp_path):
    data = statutory_data()
    data["stage2"] |= {"response_working_days": 20, "maximum_working_days": 40}
    data["stage3"] |= {"request_window_working_days": 30}
    profile = load_profile_file(write_profile(tmp_path, data))
    assert profile.stage2.maximum_working_days == 40


def test_every_problem_in_a_file_is_reported_together(tmp_path):
    def change(data):
        data["stage1"].pop("response_working_days")
        data["stage2"]["clock_start"] = "later"

    message = refusal(tmp_path, change)
    assert "stage1.response_working_days" in message
    assert "stage2.clock_start" in message


def test_a_file_that_is_not_toml_is_refused(tmp_path):
    path = tmp_path / "garbled.toml"
    path.write_text("name = \n")
    with pytest.raises(ProfileError, match=r"garbled\.toml: not valid TOML"):
        load_profile_file(path)


@pytest.mark.parametrize("slug", SHIPPED)
def test_every_council_whose_page_gives_no_later_start_counts_stage_2_from_the_request(slug):
    assert load_profile(slug).stage2.clock_start is Stage2ClockStart.REQUEST_RECEIVED


@pytest.mark.parametrize(
    ("slug", "external"),
    [("lancashire", True), ("customer-relations", True), ("statutory", False), ("norfolk", False)],
)
def test_the_profile_says_whether_the_investigating_officer_must_be_external(slug, external):
    assert load_profile(slug).stage2.investigating_officer_must_be_external is external


@pytest.mark.parametrize("slug", SHIPPED)
def test_post_is_received_two_working_days_after_it_is_sent_unless_a_profile_says_more(slug):
    assert load_profile(slug).delivery.post_working_days >= 2
    assert load_profile(slug).corporate.closure_days_are_non_working is False
