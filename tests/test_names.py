"""The name matcher: titles, abbreviations, old spellings and bank truncation vs different people.

``PAIRS`` is the table the bank-account holder check relies on: the participant's
full name (as on the KTP), the holder name as a bank prints it, and the verdict of
``compare(full_name, holder_name, truncated=True)``. Names are synthetic but
shaped like real Indonesian names.
"""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jmo_validate.names import TRUNCATION_MIN_LENGTH, NameMatch, canonical_tokens, compare

PAIRS: list[tuple[str, str, str]] = [
    # same person: titles before and after the name, with and without dots and commas
    ("H. Muhammad Rizki, S.Kom.", "MUHAMMAD RIZKI", "match"),
    ("Hj. Siti Aminah", "SITI AMINAH", "match"),
    ("Ir. Bambang Sutrisno, M.M.", "BAMBANG SUTRISNO", "match"),
    ("Dr. dr. Andi Wijaya, Sp.PD", "ANDI WIJAYA", "match"),
    ("Drs. H. Ahmad Fauzi, M.Si.", "AHMAD FAUZI", "match"),
    ("Prof. Dr. Ir. Herman Susilo", "HERMAN SUSILO", "match"),
    ("Budi Santoso SE", "BUDI SANTOSO", "match"),
    ("Dewi Lestari, S.Pd.", "DEWI LESTARI SPD", "match"),
    ("KH. Abdul Ghani", "ABDUL GHANI", "match"),
    ("Rina Marlina", "RINA MARLINA", "match"),
    # same person: abbreviations and spelling variants of frequent names
    ("Muhammad Rizki", "MUH RIZKI", "match"),
    ("Mochammad Yusuf", "MOCH YUSUF", "match"),
    ("Mohamad Iqbal", "MUHAMMAD IQBAL", "match"),
    ("Abdul Rahman", "ABD RAHMAN", "match"),
    ("Achmad Subagyo", "AHMAD SUBAGYO", "match"),
    ("Nurul Hidayah", "NUR HIDAYAH", "match"),
    ("I Gusti Ngurah Putra", "I GST NGURAH PUTRA", "match"),
    # same person: pre-1972 spellings (OE/U, DJ/J, TJ/C, J/Y, CH/H)
    ("Soekarno", "SUKARNO", "match"),
    ("Djoko Susilo", "JOKO SUSILO", "match"),
    ("Tjahjo Kumolo", "CAHYO KUMOLO", "match"),
    ("Oetomo Djajadiningrat", "UTOMO JAYADININGRAT", "match"),
    ("Yusuf Hidayat", "JUSUF HIDAJAT", "match"),
    ("Wahyu Hidayat", "WAHJOE HIDAJAT", "match"),
    ("Chairul Tanjung", "KHAIRUL TANJUNG", "match"),
    # same person: word order, words run together
    ("Aminah Siti", "SITI AMINAH", "match"),
    ("Siti Nurhaliza", "SITI NUR HALIZA", "match"),
    # same person: the bank cut a long name (at least TRUNCATION_MIN_LENGTH characters kept)
    ("Muhammad Rizki Pratama Wijayakusuma", "MUHAMMAD RIZKI PRATAMA WIJ", "match"),
    ("Siti Aminah Nurhaliza Kusumawardhani", "SITI AMINAH NURHALIZA KUSUMA", "match"),
    ("Raden Mas Haryo Sumarsono Adiwijoyo", "RADEN MAS HARYO SUMARSONO", "match"),
    ("Christina Margaretha Simanjuntak", "CHRISTINA MARGARETHA SIMAN", "match"),
    ("Hj. Nurul Fitriani Rahmawati, S.E.", "NURUL FITRIANI RAHMAW", "match"),
    # partial: an initial, a missing or extra word, a modern spelling variant, a typo
    ("M. Rizki Pratama", "MUHAMMAD RIZKI PRATAMA", "similar"),
    ("Siti Nur Aminah", "SITI N AMINAH", "similar"),
    ("Muhammad Rizki Pratama", "MUHAMMAD RIZKI", "similar"),
    ("Maria Ulfa Simanjuntak", "MARIA ULFA", "similar"),
    ("Hendra Gunawan", "GUNAWAN", "similar"),
    ("Siti Aminah", "SITI AMINAH BINTI ABDULLAH", "similar"),
    ("Andi Pratama", "ANDY PRATAMA", "similar"),
    ("Rudi Hartono", "RUDY HARTONO", "similar"),
    ("Muhammad Iqbal", "MUHAMMAD IKBAL", "similar"),
    ("Budi Santoso", "BUDI SANTOSA", "similar"),
    ("Bambang Sutrisno", "BAMBANG SUTRISNA", "similar"),
    ("Indah Permatasari", "INDAH PERMATA", "similar"),
    # different people, some sharing a first name or a surname (relatives)
    ("Siti Aminah", "BUDI SANTOSO", "different"),
    ("Muhammad Rizki", "MUHAMMAD FAISAL", "different"),
    ("Dewi Lestari", "DEWI SARTIKA", "different"),
    ("Agus Setiawan", "AGUS SETIADI", "different"),
    ("Sri Wahyuni", "SRI WAHYUNINGSIH", "different"),
    ("Ahmad Fauzi", "AHMAD FAUZAN", "different"),
    ("Rina Marlina", "RINA MARLINAWATI", "different"),
    ("Budi Santoso", "ANDI SANTOSO", "different"),
    ("Eko Prasetyo", "EKA PRASETYA", "different"),
    ("Nur Hidayah", "NUR HASANAH", "different"),
    ("Siti Aminah", "SITI ROHMAH", "different"),
    ("Ahmad Fauzi", "PT MAJU JAYA", "different"),
    ("Dian Sastro", "DIAN SASTROWARDOYO", "different"),
    # --- issue 14 -------------------------------------------------------------------------
    # same person: Arabic "Abdul" + a name starting with a sun letter, written assimilated,
    # run together or apart (the article's l becomes the name's first letter)
    ("Abdurrahman Wahid", "ABDUL RAHMAN WAHID", "match"),
    ("Abdul Rahman Wahid", "ABDURRAHMAN WAHID", "match"),
    ("Abdurahman Wahid", "ABD RAHMAN WAHID", "match"),
    ("Abdussalam Hakim", "ABDUL SALAM HAKIM", "match"),
    ("Abdurrahim Siregar", "ABDUL RAHIM SIREGAR", "match"),
    ("Abdul Latif Hasibuan", "ABDULLATIF HASIBUAN", "match"),
    ("Abdulkarim Lubis", "ABDUL KARIM LUBIS", "match"),
    ("Abdoerrachman Saleh", "ABDURRAHMAN SALEH", "match"),
    ("Abdul Aziz Nasution", "ABDULAZIZ NASUTION", "match"),
    ("Fathur Rahman", "FATHURRAHMAN", "match"),
    ("Nurul Huda Aziz", "NURHUDA AZIZ", "match"),
    ("Jamaluddin Malik", "JAMAL UDDIN MALIK", "match"),
    # same person: Javanese and Sundanese titles
    ("Raden Ajeng Sri Lestari", "SRI LESTARI", "match"),
    ("R.A. Sri Lestari", "RADEN AJENG SRI LESTARI", "match"),
    ("Raden Roro Dewi Anggraini", "DEWI ANGGRAINI", "match"),
    ("Rr. Dewi Anggraini", "DEWI ANGGRAINI", "match"),
    ("R.M. Haryo Wibowo", "HARYO WIBOWO", "match"),
    ("Mas Agung Nugroho", "AGUNG NUGROHO", "match"),
    ("Rd. Asep Saepudin", "ASEP SAEPUDIN", "match"),
    # same person: Acehnese titles
    ("Teuku Muhammad Hamzah", "T MUHAMMAD HAMZAH", "match"),
    ("T. Muhammad Hamzah", "MUHAMMAD HAMZAH", "match"),
    ("Tengku Ismail Yakub", "TGK ISMAIL YAKUB", "match"),
    ("Cut Nurul Aini", "NURUL AINI", "match"),
    # same person: Andi is a Bugis title the bank may leave out
    ("Andi Muhammad Amin", "MUHAMMAD AMIN", "match"),
    ("Andi Besse Tenri", "BESSE TENRI", "match"),
    # same person: the deceased marker of an heir's claim is not part of the name
    ("Suparman (Alm)", "SUPARMAN", "match"),
    ("Hj. Siti Aminah (Almh)", "SITI AMINAH", "match"),
    ("Alm. Budi Santoso", "BUDI SANTOSO", "match"),
    ("Almarhum Bambang Sutrisno", "BAMBANG SUTRISNO", "match"),
    # different people: Andi as a given name, assimilated names that differ, a run-together
    # name that is not the other's two words
    ("Andi Saputra", "BUDI SAPUTRA", "different"),
    ("Andi Pratama Saputra", "BUDI PRATAMA SAPUTRA", "different"),
    ("Abdurrahman Wahid", "ABDUL RAHIM WAHID", "different"),
    ("Abdussalam Hakim", "ABDUL SAMAD HAKIM", "different"),
    ("Abdullah Syafii", "ABDUL LATIF SYAFII", "different"),
    ("Teuku Hamzah", "TEUKU HASAN", "different"),
    ("Raden Ajeng Kartini", "RADEN AJENG KARTIKA", "different"),
    ("Suparman (Alm)", "SUPARDI", "different"),
    # partial: a title kept as an initial, Andi with a further word missing
    ("R. Sri Lestari", "RINA SRI LESTARI", "similar"),
    ("Andi Muhammad Amin Rasyid", "MUHAMMAD AMIN", "similar"),
]


def test_the_table_is_large_and_covers_every_verdict() -> None:
    assert len(PAIRS) >= 40
    verdicts = [verdict for _, _, verdict in PAIRS]
    assert {verdict: verdicts.count(verdict) >= 10 for verdict in set(verdicts)} == {
        "match": True,
        "similar": True,
        "different": True,
    }


@pytest.mark.parametrize(("full_name", "holder_name", "verdict"), PAIRS)
def test_holder_name_pairs(full_name: str, holder_name: str, verdict: str) -> None:
    match = compare(full_name, holder_name, truncated=True)
    assert match.verdict == verdict, match
    assert (match.score == 100) == (verdict == "match")


def test_scores_explain_the_verdict() -> None:
    assert compare("M. Rizki Pratama", "Muhammad Rizki Pratama") == NameMatch(90, "similar")
    assert compare("Andi Pratama", "Andy Pratama") == NameMatch(95, "similar")
    assert compare("Budi Santoso", "Budi Santosa") == NameMatch(86, "similar")
    # one missing word caps the score at 90, each further one costs 10
    assert compare("Siti Aminah Lestari", "Siti").score == 80
    assert compare("Siti Aminah Lestari Wulandari", "Siti").score == 70
    assert compare("Agus Setiawan", "Agus Setiadi") == NameMatch(62, "different")


def test_threshold_moves_the_line_between_similar_and_different() -> None:
    assert compare("Budi Santoso", "Budi Santosa", threshold=90).verdict == "different"
    assert compare("Agus Setiawan", "Agus Setiadi", threshold=60).verdict == "similar"


def test_truncation_needs_truncated_and_a_bank_length_cut() -> None:
    full = "Muhammad Rizki Pratama Wijayakusuma"
    assert compare(full, "MUHAMMAD RIZKI PRATAMA WIJ").verdict == "different"
    assert len("MUHAMMAD RIZKI PRATAMA WIJ") >= TRUNCATION_MIN_LENGTH
    # a short prefix is a shorter name (a father, a sibling), not a bank's cut
    assert compare(full, "MUHAMMAD RIZKI", truncated=True) == NameMatch(80, "similar")
    # the holder name is the cut one, never the full name
    assert compare("MUHAMMAD RIZKI PRATAMA WIJ", full, truncated=True).verdict == "different"


def test_cut_word_counts_only_at_the_end_of_the_holder_name() -> None:
    assert compare("Indah Permatasari", "Indah Permata", truncated=True).score == 85
    assert compare("Indah Permatasari", "Indah Permata").verdict == "different"
    assert compare("Permatasari Indah", "Permata Indah", truncated=True).verdict == "different"


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Hj. Siti Djoeariah, S.Pd., M.M.", ("SITI", "JUARIAH")),
        ("TJAHJO", ("CAHYO",)),
        ("Djajadi", ("JAYADI",)),
        ("Jusuf", ("YUSUF",)),
        ("Muh. Chairul Anwar SE", ("MUHAMAD", "HAIRUL", "ANWAR")),
        ("Ma'ruf Amin", ("MARUF", "AMIN")),
        ("José Rizal", ("JOSE", "RIZAL")),
        ("H.", ("H",)),  # a title alone is the name
        ("ABDURRAHMAN", ("ABDUL", "RAHMAN")),
        ("Abdussalam", ("ABDUL", "SALAM")),
        ("Abdul Karim", ("ABDUL", "KARIM")),
        ("Abdulkarim", ("ABDUL", "KARIM")),
        ("Abdullah", ("ABDULAH",)),  # Abd Allah is one name
        ("R. A. Kartini", ("KARTINI",)),
        ("Raden Mas Said", ("SAID",)),
        ("Tgk. Chik di Tiro", ("HIK", "DI", "TIRO")),
        ("SUPARMAN (ALM)", ("SUPARMAN",)),
        ("Almh. Siti", ("SITI",)),
        ("Alm", ("ALM",)),  # a marker alone is the name
        ("", ()),
        ("123 !!", ()),
    ],
)
def test_canonical_tokens(name: str, tokens: tuple[str, ...]) -> None:
    assert canonical_tokens(name) == tokens


@pytest.mark.parametrize(
    ("first", "second"), [("", "Siti"), ("Siti", ""), ("12", "Siti"), ("", "")]
)
def test_empty_names_are_different(first: str, second: str) -> None:
    assert compare(first, second) == NameMatch(0, "different")


@given(st.text(max_size=120), st.text(max_size=120), st.booleans())
def test_compare_never_raises_and_keeps_its_contract(first: str, second: str, cut: bool) -> None:
    match = compare(first, second, truncated=cut)
    assert 0 <= match.score <= 100
    assert (match.verdict == "match") == (match.score == 100)
    if canonical_tokens(first):
        assert compare(first, first).verdict == "match"


def test_a_name_in_capitals_matches_as_its_words_do() -> None:
    # the shortcut for names that differ only in case (banks write holders in capitals)
    # gives what comparing the canonical words gives, also for text that has no word
    rng = random.Random(3)
    alphabet = string.ascii_letters + " .,'-`()0123"
    for _ in range(20_000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randrange(25)))
        other = "".join(rng.choice((str.upper, str.lower))(char) for char in name)
        words = canonical_tokens(name)
        expected = NameMatch(100, "match") if words else NameMatch(0, "different")
        assert compare(name, other) == expected, name
    assert compare("Siti Aminah, S.Pd.", "SITI AMINAH, S.PD.").verdict == "match"
    assert compare(", Siti", ", SITI").verdict == "different"  # all of it after a comma
