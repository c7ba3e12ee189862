"""The catalogue of issue codes: one place for every code, its kind, severity and messages.

Codes are `<field>.<problem>` slugs and are public API: once released they are
never renamed. Each has a kind (`missing`, `invalid`, `mismatched`), a
default severity (`error` or `warning`), and a sentence a participant can
read in Indonesian (default) and English. `strict=True` marks warnings that a
strict policy turns into errors.

Messages may use `{label}` (the field's name in the message language) and the
parameters the rule passes (never the value itself: it may be personal data).

```pycon
>>> from jmo_validate.codes import CATALOGUE, message
>>> CATALOGUE["nik.length"].kind
<Kind.INVALID: 'invalid'>
>>> message("kpj.missing")
'Nomor KPJ wajib diisi.'
>>> message("kpj.missing", "en")
'KPJ number is required.'

```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from jmo_validate.slots import pickled_by_name

__all__ = ["CATALOGUE", "FIELD_LABELS", "Code", "Kind", "Language", "Severity", "label", "message"]

Language = Literal["id", "en"]


@pickled_by_name
class Kind(str, Enum):
    """What is wrong with a field: absent, unusable on its own, or inconsistent with another."""

    MISSING = "missing"
    INVALID = "invalid"
    MISMATCHED = "mismatched"


@pickled_by_name
class Severity(str, Enum):
    """`error` makes a report not `ok`; `warning` is advice."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """One catalogue entry."""

    code: str
    kind: Kind
    severity: Severity
    id: str
    en: str
    strict: bool = False

    def text(self, lang: str) -> str:
        """Return the message template in `lang` (`"id"` or `"en"`)."""
        return self.en if lang == "en" else self.id


#: Field paths and their names in Indonesian and English, used in messages.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "record": ("Data peserta", "Participant record"),
    "reference": ("Data rujukan", "Reference record"),
    "nik": ("NIK", "NIK"),
    "kpj": ("Nomor KPJ", "KPJ number"),
    "full_name": ("Nama lengkap", "Full name"),
    "birth_date": ("Tanggal lahir", "Birth date"),
    "sex": ("Jenis kelamin", "Sex"),
    "category": ("Kategori peserta", "Participant category"),
    "employment": ("Data pekerjaan", "Employment"),
    "employment.npp": ("NPP (nomor pendaftaran perusahaan)", "Employer registration number (NPP)"),
    "employment.employer_name": ("Nama perusahaan", "Employer name"),
    "employment.status": ("Status kerja", "Employment status"),
    "employment.start_date": ("Tanggal mulai bekerja", "Employment start date"),
    "employment.end_date": ("Tanggal berhenti bekerja", "Employment end date"),
    "employment.wage": ("Upah bulanan", "Monthly wage"),
    "employment.job_title": ("Jabatan", "Job title"),
    "employment.end_reason": ("Alasan berhenti bekerja", "Reason the employment ended"),
    "last_updated": ("Tanggal pengkinian data", "Last update date"),
    "bank_account": ("Rekening bank", "Bank account"),
    "bank_account.bank": ("Nama bank", "Bank"),
    "bank_account.number": ("Nomor rekening", "Account number"),
    "bank_account.holder_name": ("Nama pemilik rekening", "Account holder's name"),
    "phone": ("Nomor HP", "Phone number"),
    "email": ("Alamat email", "Email address"),
}

#: Fields that must be present under some policy: each gets ``<field>.missing``.
_REQUIRABLE: tuple[str, ...] = ("nik", "kpj", "full_name", "birth_date", "sex", "phone", "email")
_REQUIRABLE += ("category", "last_updated", "employment")
_REQUIRABLE += tuple(
    f"employment.{part}"
    for part in ("npp", "employer_name", "status", "start_date", "end_date", "wage")
)
# The bank account section and each of its parts (a claim needs all of them).
_REQUIRABLE += (
    "bank_account",
    "bank_account.bank",
    "bank_account.number",
    "bank_account.holder_name",
)
#: Fields compared with a reference record: each gets ``<field>.reference_mismatch``.
_REFERENCED: tuple[str, ...] = ("nik", "kpj", "full_name", "birth_date", "sex", "phone", "email")
_REFERENCED += tuple(
    f"employment.{part}" for part in ("npp", "employer_name", "start_date", "end_date")
)

E, W = Severity.ERROR, Severity.WARNING
MISSING, INVALID, MISMATCHED = Kind.MISSING, Kind.INVALID, Kind.MISMATCHED


def _date_entries(field: str) -> tuple[Code, ...]:
    """The three entries of a date field parsed with `person.parse_past_date`."""
    return (
        Code(
            f"{field}.format",
            INVALID,
            E,
            "{label} tidak dapat dibaca; gunakan misalnya 01-03-2021 atau 1 Maret 2021.",
            "{label} cannot be read; use e.g. 01-03-2021 or 1 March 2021.",
        ),
        Code(
            f"{field}.calendar",
            INVALID,
            E,
            "{label} bukan tanggal yang ada di kalender.",
            "{label} is not a real calendar date.",
        ),
        Code(
            f"{field}.future",
            INVALID,
            E,
            "{label} tidak boleh di masa depan.",
            "{label} cannot be in the future.",
        ),
    )


_ENTRIES: tuple[Code, ...] = (
    # --- the record as a whole, and any field -------------------------------------------------
    Code(
        "record.type",
        INVALID,
        E,
        "Data peserta harus berupa kumpulan isian (objek), bukan {type}.",
        "The participant record must be a mapping of fields, not {type}.",
    ),
    Code(
        "record.too_large",
        INVALID,
        E,
        "Data peserta terlalu besar (lebih dari {limit} isian); sisanya tidak diperiksa.",
        "The participant record is too large (more than {limit} fields); the rest was not checked.",
    ),
    Code(
        "field.type",
        INVALID,
        E,
        "{label} berisi jenis data yang tidak dapat dibaca ({type}).",
        "{label} holds a kind of value that cannot be read ({type}).",
    ),
    Code(
        "field.too_long",
        INVALID,
        E,
        "{label} terlalu panjang (lebih dari {limit} karakter).",
        "{label} is too long (more than {limit} characters).",
    ),
    Code(
        "field.conflict",
        INVALID,
        E,
        "{label} diisi lebih dari sekali dengan nilai yang berbeda.",
        "{label} was given more than once with different values.",
    ),
    Code(
        "reference.type",
        INVALID,
        E,
        "Data rujukan harus berupa kumpulan isian (objek), bukan {type}.",
        "The reference record must be a mapping of fields, not {type}.",
    ),
    Code(
        "record.unreadable",
        INVALID,
        E,
        "Baris ini tidak dapat dibaca sebagai data peserta ({detail}).",
        "This row cannot be read as a participant record ({detail}).",
    ),
    Code(
        "record.duplicate_key",
        INVALID,
        E,
        "{label} yang sama sudah ada pada baris {first_row} (data ganda).",
        "The same {label} already appears in row {first_row} (duplicate).",
    ),
    Code(
        "reference.not_found",
        MISMATCHED,
        E,
        "{label} tidak ditemukan dalam data rujukan.",
        "{label} was not found in the reference records.",
    ),
    Code(
        "reference.invalid",
        INVALID,
        W,
        "{label} pada data rujukan tidak valid, sehingga tidak dibandingkan.",
        "{label} in the reference record is not valid, so it was not compared.",
    ),
    # --- NIK ----------------------------------------------------------------------------------
    Code(
        "nik.format",
        INVALID,
        E,
        "NIK hanya boleh berisi angka.",
        "The NIK may contain digits only.",
    ),
    Code(
        "nik.length",
        INVALID,
        E,
        "NIK harus terdiri dari 16 digit (terisi {length}).",
        "The NIK must have 16 digits (got {length}).",
    ),
    Code(
        "nik.province_unknown",
        INVALID,
        E,
        "Kode provinsi NIK (digit 1-2) tidak dikenal.",
        "The NIK's province code (digits 1-2) is unknown.",
    ),
    Code(
        "nik.regency_zero",
        INVALID,
        E,
        "Kode kabupaten/kota NIK (digit 3-4) tidak boleh 00.",
        "The NIK's regency/city code (digits 3-4) cannot be 00.",
    ),
    Code(
        "nik.district_zero",
        INVALID,
        E,
        "Kode kecamatan NIK (digit 5-6) tidak boleh 00.",
        "The NIK's district code (digits 5-6) cannot be 00.",
    ),
    Code(
        "nik.birth_date",
        INVALID,
        E,
        "Bagian tanggal lahir NIK (digit 7-12) bukan tanggal yang benar.",
        "The NIK's birth-date part (digits 7-12) is not a real date.",
    ),
    Code(
        "nik.serial",
        INVALID,
        E,
        "Nomor urut NIK (digit 13-16) tidak boleh 0000.",
        "The NIK's serial number (digits 13-16) cannot be 0000.",
    ),
    Code(
        "nik.age",
        INVALID,
        W,
        "Tanggal lahir dalam NIK memberi usia {age} tahun, di luar rentang wajar {min_age}-{max_age}.",
        "The birth date in the NIK gives an age of {age}, outside the plausible {min_age}-{max_age}.",
    ),
    # NIK region codes known in no Kemendagri edition we have (regions.py): our history is
    # incomplete, so a warning by default and an error only under a strict policy.
    Code(
        "nik.regency_unknown",
        INVALID,
        W,
        "Kode kabupaten/kota NIK (digit 1-4) tidak ada di tabel wilayah Kemendagri mana pun; periksa kembali NIK.",
        "The NIK's regency/city code (digits 1-4) is in no Kemendagri region table; check the NIK.",
        strict=True,
    ),
    Code(
        "nik.district_unknown",
        INVALID,
        W,
        "Kode kecamatan NIK (digit 1-6) tidak ada di tabel wilayah Kemendagri mana pun; periksa kembali NIK.",
        "The NIK's district code (digits 1-6) is in no Kemendagri region table; check the NIK.",
        strict=True,
    ),
    # A district code missing from every table under a regency that later lost districts to a
    # new one is most likely from before the split (our oldest table is Permendagri 18/2013):
    # advice only, never an error, also under a strict policy.
    Code(
        "nik.district_pre_split",
        INVALID,
        W,
        "Kode kecamatan NIK (digit 1-6) tidak ada di tabel wilayah Kemendagri mana pun, tetapi "
        "{regency} kemudian dimekarkan; NIK ini mungkin terbit sebelum pemekaran. "
        "Wilayahnya kini: {candidates}.",
        "The NIK's district code (digits 1-6) is in no Kemendagri region table, but {regency} "
        "was later split; the NIK may predate the split. Its place today: {candidates}.",
    ),
    # --- KPJ ----------------------------------------------------------------------------------
    Code(
        "kpj.format",
        INVALID,
        E,
        "Nomor KPJ hanya boleh berisi angka.",
        "The KPJ number may contain digits only.",
    ),
    Code(
        "kpj.length",
        INVALID,
        E,
        "Nomor KPJ harus terdiri dari 11 digit (terisi {length}).",
        "The KPJ number must have 11 digits (got {length}).",
    ),
    # --- full name ----------------------------------------------------------------------------
    Code(
        "full_name.characters",
        INVALID,
        E,
        "Nama lengkap hanya boleh berisi huruf, spasi, dan tanda . , ' - (tanpa angka).",
        "The full name may contain only letters, spaces and . , ' - (no digits).",
    ),
    Code(
        "full_name.length",
        INVALID,
        E,
        "Panjang nama lengkap harus {min_length}-{max_length} karakter (terisi {length}).",
        "The full name must be {min_length}-{max_length} characters long (got {length}).",
    ),
    Code(
        "full_name.long",
        INVALID,
        W,
        "Nama lengkap lebih dari 60 huruf (batas Permendagri 73/2022 untuk pencatatan baru).",
        "The full name is longer than 60 letters (the limit for new records, Permendagri 73/2022).",
    ),
    Code(
        "full_name.single_word",
        INVALID,
        W,
        "Nama lengkap hanya satu kata; pastikan sesuai KTP.",
        "The full name is a single word; make sure it matches the KTP.",
    ),
    Code(
        "full_name.reference_similar",
        MISMATCHED,
        W,
        "Nama lengkap mirip tetapi tidak sama dengan data rujukan (kemiripan {score}%).",
        "The full name is similar to but not the same as the reference (similarity {score}%).",
        strict=True,
    ),
    # --- birth date ---------------------------------------------------------------------------
    Code(
        "birth_date.format",
        INVALID,
        E,
        "Tanggal lahir tidak dapat dibaca; gunakan misalnya 17-08-1990 atau 17 Agustus 1990.",
        "The birth date cannot be read; use e.g. 17-08-1990 or 17 August 1990.",
    ),
    Code(
        "birth_date.calendar",
        INVALID,
        E,
        "Tanggal lahir bukan tanggal yang ada di kalender.",
        "The birth date is not a real calendar date.",
    ),
    Code(
        "birth_date.future",
        INVALID,
        E,
        "Tanggal lahir tidak boleh di masa depan.",
        "The birth date cannot be in the future.",
    ),
    Code(
        "birth_date.age",
        INVALID,
        W,
        "Usia {age} tahun di luar rentang wajar {min_age}-{max_age} tahun.",
        "An age of {age} is outside the plausible {min_age}-{max_age} years.",
    ),
    Code(
        "birth_date.nik_mismatch",
        MISMATCHED,
        W,
        "Tanggal lahir tidak sama dengan tanggal lahir dalam NIK.",
        "The birth date differs from the birth date encoded in the NIK.",
        strict=True,
    ),
    # --- sex ----------------------------------------------------------------------------------
    Code(
        "sex.format",
        INVALID,
        E,
        "Jenis kelamin tidak dikenali; gunakan L/Laki-laki atau P/Perempuan.",
        "The sex is not recognised; use L/Laki-laki (male) or P/Perempuan (female).",
    ),
    Code(
        "sex.nik_mismatch",
        MISMATCHED,
        W,
        "Jenis kelamin tidak sama dengan jenis kelamin dalam NIK.",
        "The sex differs from the sex encoded in the NIK.",
        strict=True,
    ),
    # --- participant category -----------------------------------------------------------------
    Code(
        "category.format",
        INVALID,
        E,
        "Kategori peserta tidak dikenali; gunakan PU, BPU, PMI, atau Jakon.",
        "The participant category is not recognised; use PU, BPU, PMI or Jakon.",
    ),
    # --- employment ---------------------------------------------------------------------------
    Code(
        "employment.npp.characters",
        INVALID,
        E,
        "NPP hanya boleh berisi huruf dan angka.",
        "The employer registration number (NPP) may contain letters and digits only.",
    ),
    Code(
        "employment.npp.length",
        INVALID,
        E,
        "NPP paling banyak {max_length} karakter (terisi {length}).",
        "The employer registration number (NPP) has at most {max_length} characters (got {length}).",
    ),
    Code(
        "employment.npp.shape",
        INVALID,
        W,
        "NPP biasanya terdiri dari 8 karakter; pastikan sesuai dengan data perusahaan.",
        "An employer registration number (NPP) usually has 8 characters; check it with the employer.",
    ),
    Code(
        "employment.employer_name.characters",
        INVALID,
        E,
        "Nama perusahaan harus memuat huruf, dan hanya boleh berisi huruf, angka, spasi, dan . , ' & ( ) / - + : \".",
        "The employer name must contain a letter and only letters, digits, spaces and . , ' & ( ) / - + : \".",
    ),
    Code(
        "employment.employer_name.length",
        INVALID,
        E,
        "Panjang nama perusahaan harus 2-{max_length} karakter (terisi {length}).",
        "The employer name must be 2-{max_length} characters long (got {length}).",
    ),
    Code(
        "employment.status.format",
        INVALID,
        E,
        "Status kerja tidak dikenali; gunakan Aktif atau Non-aktif.",
        "The employment status is not recognised; use active or non-active.",
    ),
    Code(
        "employment.status.active_with_end_date",
        MISMATCHED,
        W,
        "Status kerja aktif, tetapi tanggal berhenti bekerja diisi.",
        "The employment status is active, but an end date is given.",
        strict=True,
    ),
    *_date_entries("employment.start_date"),
    Code(
        "employment.start_date.underage",
        MISMATCHED,
        E,
        "Tanggal mulai bekerja jatuh sebelum peserta berusia {min_age} tahun.",
        "The employment start date is before the participant turned {min_age}.",
    ),
    Code(
        "employment.start_date.minor",
        MISMATCHED,
        W,
        "Peserta mulai bekerja sebelum berusia {adult_age} tahun; "
        "pastikan tanggal mulai bekerja dan tanggal lahir benar.",
        "The participant started work before turning {adult_age}; check the start date and the birth date.",
    ),
    *_date_entries("employment.end_date"),
    Code(
        "employment.end_date.before_start",
        MISMATCHED,
        E,
        "Tanggal berhenti bekerja tidak boleh sebelum tanggal mulai bekerja.",
        "The employment end date cannot be before the start date.",
    ),
    Code(
        "employment.end_date.missing_for_inactive",
        MISSING,
        E,
        "Status kerja non-aktif: tanggal berhenti bekerja wajib diisi.",
        "The employment status is non-active: the end date is required.",
    ),
    Code(
        "employment.end_date.claim_wait",
        INVALID,
        E,
        "Klaim JHT setelah mengundurkan diri atau PHK baru dapat diajukan {months} bulan "
        "setelah berhenti bekerja, yaitu mulai {earliest}.",
        "A JHT claim after a resignation or dismissal can be made {months} month(s) "
        "after the employment ended, from {earliest}.",
    ),
    Code(
        "employment.not_ended",
        INVALID,
        E,
        "Klaim JHT memerlukan hubungan kerja yang sudah berakhir (status non-aktif dengan tanggal "
        "berhenti bekerja) atau usia pensiun {retirement_age} tahun yang sudah tercapai.",
        "A JHT claim needs an employment that has ended (status non-active with an end date) "
        "or the retirement age of {retirement_age} reached.",
    ),
    Code(
        "employment.wage.format",
        INVALID,
        E,
        "Upah tidak dapat dibaca; tulis dalam rupiah penuh, misalnya Rp 5.000.000 atau 5000000.",
        "The wage cannot be read; write it in whole Rupiah, e.g. Rp 5.000.000 or 5000000.",
    ),
    Code(
        "employment.wage.abbreviated",
        INVALID,
        W,
        "Upah ditulis dengan singkatan (seperti jt atau rb) dan dibaca sebagai angka bulat; "
        "tulis upah yang sebenarnya dengan angka lengkap, misalnya Rp 5.250.000.",
        "The wage was written in short form (such as jt or rb) and read as a round figure; "
        "write the actual wage in full digits, e.g. Rp 5.250.000.",
    ),
    Code(
        "employment.wage.not_positive",
        INVALID,
        E,
        "Upah harus lebih besar dari nol.",
        "The wage must be greater than zero.",
    ),
    Code(
        "employment.job_title.length",
        INVALID,
        E,
        "Panjang jabatan harus 2-{max_length} karakter (terisi {length}).",
        "The job title must be 2-{max_length} characters long (got {length}).",
    ),
    Code(
        "employment.end_reason.format",
        INVALID,
        E,
        "Alasan berhenti bekerja tidak dikenali; gunakan misalnya mengundurkan diri, PHK, "
        "kontrak berakhir, atau pensiun.",
        "The reason the employment ended is not recognised; use e.g. resignation, "
        "dismissal (PHK), contract ended or retirement.",
    ),
    # --- record freshness ---------------------------------------------------------------------
    *_date_entries("last_updated"),
    Code(
        "last_updated.stale",
        INVALID,
        W,
        "Data terakhir diperbarui lebih dari {limit} bulan lalu; lakukan pengkinian data di aplikasi JMO.",
        "The data was last updated more than {limit} months ago; update it (pengkinian data) in the JMO app.",
        strict=True,
    ),
    # --- bank account -------------------------------------------------------------------------
    Code(
        "bank_account.bank.unknown",
        INVALID,
        E,
        "Bank tidak dikenal; periksa nama atau kode bank (yang mirip: {suggestions}).",
        "Unknown bank; check the bank's name or code (similar: {suggestions}).",
    ),
    Code(
        "bank_account.bank.ewallet",
        INVALID,
        W,
        "Dompet digital ({ewallet}) bukan rekening bank; manfaat JHT dibayarkan ke rekening bank"
        " atas nama peserta.",
        "An e-wallet ({ewallet}) is not a bank account; JHT benefits are paid to a bank account"
        " in the participant's name.",
    ),
    Code(
        "bank_account.number.format",
        INVALID,
        E,
        "Nomor rekening hanya boleh berisi angka (spasi, titik, dan tanda hubung diabaikan).",
        "The account number may contain digits only (spaces, dots and dashes are ignored).",
    ),
    Code(
        "bank_account.number.length",
        INVALID,
        E,
        "Nomor rekening harus terdiri dari {min_length}-{max_length} digit (terisi {length}).",
        "The account number must have {min_length}-{max_length} digits (got {length}).",
    ),
    Code(
        "bank_account.number.length_unusual",
        INVALID,
        W,
        "Nomor rekening {bank} biasanya {usual} digit (terisi {length}); periksa kembali.",
        "Account numbers at {bank} usually have {usual} digits (got {length}); check it again.",
    ),
    Code(
        "bank_account.number.phone_like",
        INVALID,
        W,
        "Nomor rekening tampak seperti nomor HP (akun dompet digital?); pastikan ini nomor"
        " rekening bank.",
        "The account number looks like a mobile number (an e-wallet account?); make sure it is"
        " the bank account number.",
    ),
    Code(
        "bank_account.number.virtual_account",
        INVALID,
        W,
        "Nomor rekening {length} digit tampak seperti nomor virtual account; gunakan nomor"
        " rekening tabungan peserta.",
        "An account number of {length} digits looks like a virtual account; use the"
        " participant's own savings account number.",
    ),
    Code(
        "bank_account.holder_name.length",
        INVALID,
        E,
        "Panjang nama pemilik rekening harus {min_length}-{max_length} karakter (terisi {length}).",
        "The account holder's name must be {min_length}-{max_length} characters long (got {length}).",
    ),
    Code(
        "bank_account.holder_name.characters",
        INVALID,
        E,
        "Nama pemilik rekening hanya boleh berisi huruf, spasi, dan tanda . , ' - (tanpa angka).",
        "The account holder's name may contain only letters, spaces and . , ' - (no digits).",
    ),
    Code(
        "bank_account.holder_name.full_name_mismatch",
        MISMATCHED,
        E,
        "Nama pemilik rekening berbeda dengan nama lengkap peserta; rekening harus atas nama"
        " peserta sendiri (kemiripan {score}%).",
        "The account holder's name differs from the participant's full name; the account must"
        " be in the participant's own name (similarity {score}%).",
    ),
    Code(
        "bank_account.holder_name.full_name_similar",
        MISMATCHED,
        W,
        "Nama pemilik rekening mirip tetapi tidak sama dengan nama lengkap peserta"
        " (kemiripan {score}%).",
        "The account holder's name is similar to but not the same as the participant's full"
        " name (similarity {score}%).",
        strict=True,
    ),
    Code(
        "bank_account.holder_name.reference_mismatch",
        MISMATCHED,
        E,
        "Nama pemilik rekening berbeda dengan nama pada data rujukan; rekening harus atas nama"
        " peserta sendiri (kemiripan {score}%).",
        "The account holder's name differs from the name in the reference record; the account"
        " must be in the participant's own name (similarity {score}%).",
    ),
    Code(
        "bank_account.holder_name.reference_similar",
        MISMATCHED,
        W,
        "Nama pemilik rekening mirip tetapi tidak sama dengan nama pada data rujukan"
        " (kemiripan {score}%).",
        "The account holder's name is similar to but not the same as the name in the reference"
        " record (similarity {score}%).",
        strict=True,
    ),
    # --- phone (phonenumbers, region ID) ------------------------------------------------------
    Code(
        "phone.format",
        INVALID,
        E,
        "Nomor HP tidak dapat dibaca; tulis angka saja, boleh dengan spasi, +, -, titik, atau kurung.",
        "The phone number cannot be read; write digits, optionally with spaces, +, -, dots or brackets.",
    ),
    Code(
        "phone.too_short",
        INVALID,
        E,
        "Nomor HP terlalu pendek.",
        "The phone number is too short.",
    ),
    Code(
        "phone.too_long",
        INVALID,
        E,
        "Nomor HP terlalu panjang.",
        "The phone number is too long.",
    ),
    Code(
        "phone.not_indonesian",
        INVALID,
        E,
        "Nomor HP harus nomor Indonesia (diawali 08 atau +62).",
        "The phone number must be an Indonesian number (starting 08 or +62).",
    ),
    Code(
        "phone.prefix",
        INVALID,
        E,
        "Awalan nomor HP tidak dipakai di Indonesia; periksa digit-digit pertamanya.",
        "No Indonesian number starts like this; check the first digits.",
    ),
    Code(
        "phone.not_mobile",
        INVALID,
        E,
        "Nomor telepon harus nomor HP agar dapat menerima kode OTP.",
        "The phone number must be a mobile number to receive OTP codes.",
    ),
    Code(
        "phone.trunk_zero",
        INVALID,
        W,
        "Nomor HP memuat angka 0 setelah +62 (tulis +62 812..., bukan +62 0812...).",
        "The phone number keeps the 0 after +62 (write +62 812..., not +62 0812...).",
        strict=True,
    ),
    # --- email (email-validator) --------------------------------------------------------------
    Code(
        "email.format",
        INVALID,
        E,
        "Alamat email harus berbentuk nama@domain, dengan tepat satu tanda @.",
        "The email address must look like name@domain, with exactly one @.",
    ),
    Code(
        "email.local_part",
        INVALID,
        E,
        "Bagian sebelum @ pada alamat email tidak valid.",
        "The part of the email address before the @ is not valid.",
    ),
    Code(
        "email.domain",
        INVALID,
        E,
        "Domain alamat email (bagian setelah @) tidak valid.",
        "The domain of the email address (after the @) is not valid.",
    ),
    Code(
        "email.too_long",
        INVALID,
        E,
        "Alamat email terlalu panjang (paling banyak 254 karakter).",
        "The email address is too long (at most 254 characters).",
    ),
    Code(
        "email.undeliverable",
        INVALID,
        E,
        "Domain alamat email tidak dapat menerima email.",
        "The email address's domain cannot receive email.",
    ),
    Code(
        "email.typo",
        INVALID,
        W,
        "Domain alamat email mungkin salah ketik; kemungkinan maksudnya {suggested_domain}.",
        "The email domain may be a typo of {suggested_domain}.",
        strict=True,
    ),
    Code(
        "email.disposable",
        INVALID,
        W,
        "Alamat email memakai layanan email sementara ({domain}); gunakan alamat email tetap.",
        "The email address uses a disposable-mail service ({domain}); use a permanent address.",
    ),
)


# --- benefit claims (claim.py) and wages (employment.py): issue 14 ---------------------------
FIELD_LABELS.update(
    {
        "claim": ("Data klaim", "Claim"),
        "claim.type": ("Jenis klaim", "Claim type"),
        "claim.death_date": ("Tanggal meninggal dunia", "Date of death"),
        "claim.active_at_death": ("Status kepesertaan saat meninggal dunia", "Status at death"),
        "claim.heirs": ("Ahli waris", "Heirs"),
        "claim.heirs.name": ("Nama ahli waris", "Heir's name"),
        "claim.heirs.nik": ("NIK ahli waris", "Heir's NIK"),
        "claim.heirs.relation": ("Hubungan ahli waris", "Heir's relation"),
        "claim.membership_start": ("Tanggal mulai kepesertaan", "Membership start date"),
        "claim.retirement_age": ("Usia pensiun", "Retirement age"),
    }
)
_REQUIRABLE += ("claim.type", "claim.death_date", "claim.heirs", "claim.membership_start")
_ENTRIES += (
    Code(
        "claim.type.format",
        INVALID,
        E,
        "Jenis klaim tidak dikenali; gunakan misalnya JHT, JHT sebagian 10%, JHT sebagian 30%, "
        "JKM, JKK atau JP.",
        "The claim type is not recognised; use e.g. JHT, JHT partial 10%, JHT partial 30%, "
        "JKM, JKK or JP.",
    ),
    *_date_entries("claim.death_date"),
    Code(
        "claim.death_date.before_start",
        MISMATCHED,
        E,
        "Tanggal meninggal dunia tidak boleh sebelum tanggal mulai bekerja.",
        "The date of death cannot be before the employment start date.",
    ),
    Code(
        "claim.active_at_death.format",
        INVALID,
        E,
        "Status kepesertaan saat meninggal dunia tidak dikenali; gunakan Aktif/Ya atau "
        "Non-aktif/Tidak.",
        "The participant's status at death is not recognised; use active/yes or non-active/no.",
    ),
    Code(
        "claim.active_at_death.inactive",
        MISMATCHED,
        W,
        "Peserta tampaknya tidak aktif saat meninggal dunia, padahal JKM dibayar bila peserta "
        "meninggal dalam masa aktif (PP 44/2015); periksa status dan tanggalnya.",
        "The participant seems not to have been active at death, and the JKM benefit is paid "
        "for a death while active (PP 44/2015); check the status and the dates.",
        strict=True,
    ),
    Code(
        "claim.heirs.name",
        INVALID,
        E,
        "Nama ahli waris ke-{heir} kosong atau tidak valid (hanya huruf, spasi, dan . , ' -).",
        "The name of heir {heir} is empty or invalid (letters, spaces and . , ' - only).",
    ),
    Code(
        "claim.heirs.nik",
        INVALID,
        E,
        "NIK ahli waris ke-{heir} kosong atau tidak valid; isi 16 digit NIK sesuai KTP atau KK.",
        "The NIK of heir {heir} is empty or invalid; give the 16-digit NIK of the KTP or "
        "family card (KK).",
    ),
    Code(
        "claim.heirs.relation",
        INVALID,
        E,
        "Hubungan ahli waris ke-{heir} dengan peserta kosong atau tidak dikenali; gunakan "
        "misalnya istri, suami, anak, orang tua atau saudara kandung.",
        "The relation of heir {heir} to the participant is empty or not recognised; use e.g. "
        "wife, husband, child, parent or sibling.",
    ),
    Code(
        "claim.heirs.nik_is_participant",
        MISMATCHED,
        E,
        "NIK ahli waris ke-{heir} sama dengan NIK peserta yang meninggal dunia.",
        "The NIK of heir {heir} is the deceased participant's own NIK.",
    ),
    Code(
        "claim.heirs.too_many",
        INVALID,
        E,
        "Terlalu banyak ahli waris (lebih dari {limit}); sisanya tidak diperiksa.",
        "Too many heirs (more than {limit}); the rest were not checked.",
    ),
    *_date_entries("claim.membership_start"),
    Code(
        "claim.membership_start.too_recent",
        MISMATCHED,
        E,
        "Klaim JHT sebagian memerlukan masa kepesertaan paling singkat {years} tahun "
        "(PP 46/2015 jo. PP 60/2015), yaitu mulai {earliest}.",
        "A partial JHT claim needs at least {years} years of membership (PP 46/2015 as "
        "amended by PP 60/2015), i.e. from {earliest}.",
    ),
    Code(
        "claim.retirement_age.format",
        INVALID,
        E,
        "Usia pensiun harus bilangan bulat {min_age}-{max_age} tahun, misalnya 55.",
        "The retirement age must be a whole number of years, {min_age}-{max_age}, e.g. 55.",
    ),
    Code(
        "claim.pension_age_not_reached",
        MISMATCHED,
        W,
        "Peserta mencapai usia pensiun JP ({pension_age} tahun, PP 45/2015 Pasal 15) pada "
        "{earliest}; sebelum itu manfaat pensiun hanya untuk cacat total tetap atau ahli waris.",
        "The participant reaches the JP pension age ({pension_age}, PP 45/2015 Pasal 15) on "
        "{earliest}; before that a pension is paid only for total permanent disability or to "
        "the heirs.",
        strict=True,
    ),
    Code(
        "bank_account.holder_name.heir_mismatch",
        MISMATCHED,
        E,
        "Nama pemilik rekening berbeda dengan nama setiap ahli waris; klaim karena peserta "
        "meninggal dunia dibayar ke rekening ahli waris (kemiripan tertinggi {score}%).",
        "The account holder's name differs from every heir's name; a claim after the "
        "participant's death is paid to an heir's account (best similarity {score}%).",
    ),
    Code(
        "bank_account.holder_name.heir_similar",
        MISMATCHED,
        W,
        "Nama pemilik rekening mirip tetapi tidak sama dengan nama ahli waris (kemiripan {score}%).",
        "The account holder's name is similar to but not the same as an heir's name "
        "(similarity {score}%).",
        strict=True,
    ),
    Code(
        "bank_account.holder_name.deceased",
        MISMATCHED,
        W,
        "Rekening atas nama peserta yang meninggal dunia; manfaat dibayarkan ke rekening ahli waris.",
        "The account is in the deceased participant's name; the benefit is paid to an heir's "
        "account.",
        strict=True,
    ),
    Code(
        "employment.end_reason.early_retirement",
        MISMATCHED,
        W,
        "Alasan berhenti bekerja 'pensiun' pada usia {age} tahun, jauh di bawah usia pensiun "
        "{retirement_age} tahun; periksa alasannya (mengundurkan diri? PHK?) atau isi usia "
        "pensiun perusahaan.",
        "The employment ended by 'retirement' at {age}, far below the retirement age of "
        "{retirement_age}; check the reason (resignation? dismissal?) or give the company's "
        "retirement age.",
        strict=True,
    ),
    Code(
        "employment.wage.ambiguous",
        INVALID,
        E,
        "Upah dapat dibaca lebih dari satu cara (5M: juta atau miliar? 2.500jt: 2,5 juta atau "
        "2.500 juta?); tulis dengan angka lengkap, misalnya Rp 5.000.000.",
        "The wage can be read more than one way (5M: million or miliar? 2.500jt: 2.5 or 2,500 "
        "million?); write it in full digits, e.g. Rp 5.000.000.",
    ),
    Code(
        "employment.wage.not_monthly",
        INVALID,
        E,
        "Upah harus upah sebulan; ubah upah harian, mingguan atau tahunan menjadi upah bulanan.",
        "The wage must be a monthly wage; convert a daily, weekly or yearly amount to a month.",
    ),
    Code(
        "employment.wage.below_minimum_wage",
        MISMATCHED,
        W,
        "Upah di bawah upah minimum provinsi terendah tahun {year} ({minimum}); periksa kembali "
        "(usaha mikro dan kecil atau pekerja paruh waktu dapat berbeda).",
        "The wage is below the lowest provincial minimum wage of {year} ({minimum}); check it "
        "(micro and small businesses and part-time work may differ).",
        strict=True,
    ),
    Code(
        "employment.wage.below_contribution_base",
        MISMATCHED,
        W,
        "Upah atau penghasilan di bawah {minimum}, dasar iuran terendah peserta bukan penerima "
        "upah; periksa kembali.",
        "The wage or income is below {minimum}, the lowest contribution base of non-wage "
        "earners; check it.",
        strict=True,
    ),
    Code(
        "employment.wage.above_ceiling",
        INVALID,
        W,
        "Upah lebih dari {ceiling} sebulan; kemungkinan salah ketik atau salah satuan (misalnya "
        "upah setahun).",
        "The wage is more than {ceiling} a month; probably a typo or a unit mistake (e.g. a "
        "year's wage).",
        strict=True,
    ),
)

# --- addresses (address.py): the domicile address and the KTP address share one set of rules ----
#: The address sections: ``address`` (domicile) and ``ktp_address`` (as printed on the KTP).
ADDRESS_SECTIONS = {
    "address": ("alamat domisili", "domicile address"),
    "ktp_address": ("alamat KTP", "KTP address"),
}
_ADDRESS_PARTS = {
    "street": ("Jalan/alamat", "Street line"),
    "rt": ("RT", "RT"),
    "rw": ("RW", "RW"),
    "rt_rw": ("RT/RW", "RT/RW"),
    "village": ("Kelurahan/desa", "Village (kelurahan/desa)"),
    "district": ("Kecamatan", "District (kecamatan)"),
    "regency": ("Kabupaten/kota", "Regency/city"),
    "province": ("Provinsi", "Province"),
    "postal_code": ("Kode pos", "Postal code"),
}
for _section, (_id, _en) in ADDRESS_SECTIONS.items():
    FIELD_LABELS[_section] = (_id[0].upper() + _id[1:], _en[0].upper() + _en[1:])
    for _part, (_part_id, _part_en) in _ADDRESS_PARTS.items():
        FIELD_LABELS[f"{_section}.{_part}"] = (f"{_part_id} {_id}", f"{_part_en} of the {_en}")
_REQUIRABLE += tuple(
    f"{section}{part}"
    for section in ADDRESS_SECTIONS
    for part in (
        "",
        ".street",
        ".rt",
        ".village",
        ".district",
        ".regency",
        ".province",
        ".postal_code",
    )
)


def _address_entries(s: str) -> tuple[Code, ...]:
    regions = ("village", "district", "regency", "province")
    return (
        Code(
            f"{s}.unplaced",
            INVALID,
            W,
            "{label}: {count} bagian teks tidak dapat ditempatkan sebagai RT/RW, kelurahan/desa, "
            "kecamatan, kabupaten/kota, provinsi atau kode pos; isi per bagian.",
            "{label}: {count} piece(s) of text could not be placed as RT/RW, village, district, "
            "regency/city, province or postal code; fill in the parts separately.",
            strict=True,
        ),
        *(
            Code(
                f"{s}.{part}.format",
                INVALID,
                E,
                "{label} harus 1-3 angka, misalnya 001 (RT/RW ditulis 001/002).",
                "{label} must be 1-3 digits, e.g. 001 (RT/RW is written 001/002).",
            )
            for part in ("rt", "rw")
        ),
        Code(
            f"{s}.rt.zero",
            INVALID,
            W,
            "{label} 000 tidak lazim; isi nomor RT yang sebenarnya.",
            "{label} 000 is unusual; give the real RT number.",
            strict=True,
        ),
        Code(
            f"{s}.postal_code.format",
            INVALID,
            E,
            "{label} harus 5 angka dan tidak diawali 0.",
            "{label} must be 5 digits not starting with 0.",
        ),
        *(
            Code(
                f"{s}.{part}.unknown",
                INVALID,
                E,
                "{label} tidak ditemukan sebagai nama atau kode wilayah Kemendagri yang berlaku pada tingkat ini.",
                "{label} is not the name or code of a current Kemendagri region at this level.",
            )
            for part in regions
        ),
        *(
            Code(
                f"{s}.{part}.ambiguous",
                INVALID,
                W,
                "{label} cocok dengan beberapa wilayah: {candidates}; tulis lebih lengkap "
                "(misalnya Kabupaten/Kota) atau isi kodenya.",
                "{label} matches several regions: {candidates}; write it in full "
                "(e.g. Kabupaten/Kota) or give its code.",
                strict=True,
            )
            for part in regions[:3]  # no two provinces share a name
        ),
        *(
            Code(
                f"{s}.{part}.mismatched",
                MISMATCHED,
                E,
                "{label} tidak berada di {parent}.",
                "{label} is not in {parent}.",
            )
            for part in regions[:3]
        ),
        Code(
            f"{s}.province.outdated",
            MISMATCHED,
            W,
            "{label} sudah berubah: sejak pemekaran, {region} termasuk provinsi {current}.",
            "{label} is out of date: since the province was split, {region} belongs to {current}.",
            strict=True,
        ),
        Code(
            f"{s}.postal_code.region_mismatch",
            MISMATCHED,
            W,
            "{label} tidak terdaftar untuk {region}; periksa kembali (sering tertukar dengan kode pos kecamatan).",
            "{label} is not registered for {region}; check it (it is often the district's main code).",
            strict=True,
        ),
        Code(
            f"{s}.postal_code.province_mismatch",
            MISMATCHED,
            E,
            "{label} berada di luar rentang kode pos provinsi {province}.",
            "{label} is outside the postal-code ranges of {province}.",
        ),
    )


_ENTRIES += tuple(code for section in ADDRESS_SECTIONS for code in _address_entries(section))


# --- one-line addresses (address.split_line): a required region the line may hold but shows nowhere
def _line_entries(s: str) -> tuple[Code, ...]:
    return tuple(
        Code(
            f"{s}.{part}.unplaced",
            INVALID,
            W,
            "{label} tidak dapat dikenali dalam alamat satu baris; isi terpisah atau periksa "
            "ejaannya.",
            "{label} could not be found in the one-line address; fill it in separately or check "
            "its spelling.",
            strict=True,
        )
        for part in ("village", "district", "regency", "province")
    )


_ENTRIES += tuple(code for section in ADDRESS_SECTIONS for code in _line_entries(section))
_ENTRIES += (
    # the KTP address is where the holder is registered; the NIK keeps its first region for life
    Code(
        "ktp_address.nik_mismatch",
        MISMATCHED,
        W,
        "Wilayah alamat KTP ({actual_region}) berbeda dengan wilayah pendaftaran pertama dalam "
        "NIK ({nik_region}); wajar bila sudah pindah, periksa bila belum.",
        "The KTP address's region ({actual_region}) differs from the NIK's region of first "
        "registration ({nik_region}); normal after a move, check it otherwise.",
    ),
)


# --- participants outside the plain case, names, small ones (issue 14) --------------------------
# PMI abroad (foreign mobile numbers, UU 18/2017), foreign workers (TKA: nationality, passport,
# KITAS/KITAP instead of a NIK), birth place (the KTP's "Tempat/Tgl Lahir"), placeholders.
FIELD_LABELS.update(
    {
        "nationality": ("Kewarganegaraan", "Nationality"),
        "passport_number": ("Nomor paspor", "Passport number"),
        "kitas_number": ("Nomor KITAS/KITAP", "KITAS/KITAP number"),
        "birth_place": ("Tempat lahir", "Birth place"),
        "birth_place_date": ("Tempat/tanggal lahir", "Place and date of birth"),
    }
)
_REQUIRABLE += ("nationality", "passport_number", "kitas_number", "birth_place")
_REFERENCED += ("nationality", "passport_number", "kitas_number")
_ENTRIES += (
    Code(
        "kpj.placeholder",
        INVALID,
        E,
        "Nomor KPJ 00000000000 bukan nomor peserta; isi nomor KPJ yang tertera pada kartu peserta.",
        "The KPJ number 00000000000 is not a real number; give the number printed on the"
        " participant card.",
    ),
    Code(
        "kpj.suspicious",
        INVALID,
        W,
        "Nomor KPJ berupa angka berulang atau berurutan, seperti isian contoh; pastikan sesuai"
        " kartu peserta.",
        "The KPJ number is repeated or consecutive digits, like a placeholder; check it against"
        " the participant card.",
        strict=True,
    ),
    Code(
        "email.placeholder",
        INVALID,
        W,
        "Alamat email memakai domain contoh ({domain}) yang tidak menerima email; isi alamat email"
        " peserta yang sebenarnya.",
        "The email address uses an example domain ({domain}) that receives no mail; give the"
        " participant's real address.",
        strict=True,
    ),
    Code(
        "phone.foreign",
        INVALID,
        W,
        "Nomor HP luar negeri ({country}) diterima untuk Pekerja Migran Indonesia; pengiriman kode"
        " OTP ke nomor luar negeri belum pasti, jadi pastikan nomor ini aktif.",
        "A foreign mobile number ({country}) is accepted for an Indonesian migrant worker (PMI);"
        " OTP delivery to foreign numbers is not certain, so make sure this number is active.",
    ),
    Code(
        "phone.foreign_invalid",
        INVALID,
        E,
        "Nomor HP luar negeri ini tidak valid; periksa kode negara dan digit-digitnya.",
        "This foreign phone number is not valid; check the country code and the digits.",
    ),
    *(
        Code(
            f"{field}.pmi_underage",
            MISMATCHED,
            E,
            f"Pekerja Migran Indonesia harus berusia minimal {{min_age}} tahun (UU 18/2017 Pasal 5);"
            f" {source_id} memberi usia {{age}} tahun.",
            f"An Indonesian migrant worker (PMI) must be at least {{min_age}} (UU 18/2017"
            f" Article 5); {source_en} gives an age of {{age}}.",
        )
        for field, source_id, source_en in (
            ("birth_date", "tanggal lahir", "the birth date"),
            ("nik", "tanggal lahir dalam NIK", "the birth date in the NIK"),
        )
    ),
    Code(
        "category.ambiguous",
        INVALID,
        W,
        'Kategori "Mandiri" dibaca sebagai BPU (peserta mandiri); tulis BPU atau Bukan Penerima'
        " Upah agar tidak tertukar dengan nama bank.",
        'The category "Mandiri" was read as BPU (self-enrolled participant); write BPU or Bukan'
        " Penerima Upah so that it cannot be taken for the bank.",
    ),
    Code(
        "category.pmi_foreign",
        MISMATCHED,
        E,
        "Pekerja Migran Indonesia adalah warga negara Indonesia (UU 18/2017 Pasal 1), tetapi"
        " kewarganegaraan tertulis {nationality}.",
        "An Indonesian migrant worker (PMI) is an Indonesian citizen (UU 18/2017 Article 1), but"
        " the nationality given is {nationality}.",
    ),
    Code(
        "full_name.deceased_marker",
        INVALID,
        W,
        "Nama lengkap memuat penanda almarhum/almarhumah (Alm/Almh); tulis nama sesuai KTP. Bila"
        " peserta meninggal dunia, manfaatnya diajukan oleh ahli waris.",
        "The full name carries a deceased marker (Alm/Almh); write the name as on the KTP. If the"
        " participant has died, the benefits are claimed by the heirs.",
    ),
    Code(
        "birth_place.format",
        INVALID,
        E,
        "Tempat lahir harus memuat huruf, dan hanya boleh berisi huruf, angka, spasi, dan"
        " . , ' - ( ) /.",
        "The birth place must contain letters, and only letters, digits, spaces and . , ' - ( ) /.",
    ),
    Code(
        "birth_place.unknown",
        INVALID,
        W,
        "Tempat lahir tidak ditemukan sebagai nama wilayah Indonesia atau nama negara; periksa"
        " ejaannya (tempat lahir di luar negeri boleh).",
        "The birth place is neither the name of an Indonesian region nor of a country; check the"
        " spelling (a place abroad is fine).",
    ),
    Code(
        "birth_place.reference_mismatch",
        MISMATCHED,
        W,
        "Tempat lahir berbeda dengan data rujukan.",
        "The birth place differs from the reference record.",
        strict=True,
    ),
    Code(
        "nationality.format",
        INVALID,
        E,
        "Kewarganegaraan tidak dikenali; tulis WNI, WNA, atau nama atau kode negara (misalnya"
        " Malaysia, CN, KOR).",
        "The nationality is not recognised; write WNI, WNA, or a country's name or code (e.g."
        " Malaysia, CN, KOR).",
    ),
    *(
        entry
        for field, name_id, name_en in (
            ("passport_number", "Nomor paspor", "The passport number"),
            ("kitas_number", "Nomor KITAS/KITAP", "The KITAS/KITAP number"),
        )
        for entry in (
            Code(
                f"{field}.format",
                INVALID,
                E,
                f"{name_id} hanya boleh berisi huruf dan angka, dan harus memuat angka.",
                f"{name_en} may contain only letters and digits, and must contain a digit.",
            ),
            Code(
                f"{field}.length",
                INVALID,
                E,
                f"{name_id} harus {{min_length}}-{{max_length}} karakter (terisi {{length}}).",
                f"{name_en} must have {{min_length}}-{{max_length}} characters (got {{length}}).",
            ),
        )
    ),
)


def _generated() -> tuple[Code, ...]:
    missing = tuple(
        Code(f"{f}.missing", MISSING, E, "{label} wajib diisi.", "{label} is required.")
        for f in _REQUIRABLE
    )
    mismatched = tuple(
        Code(
            f"{f}.reference_mismatch",
            MISMATCHED,
            E,
            "{label} tidak sesuai dengan data rujukan.",
            "{label} does not match the reference record.",
        )
        for f in _REFERENCED
    )
    return missing + mismatched


def _index(entries: tuple[Code, ...]) -> dict[str, Code]:
    index: dict[str, Code] = {}
    for entry in entries:
        if entry.code in index:
            raise RuntimeError(f"duplicate issue code {entry.code}")
        index[entry.code] = entry
    return index


#: Every issue code the library can report, by code.
CATALOGUE: Mapping[str, Code] = _index(_ENTRIES + _generated())


def label(field: str, lang: str = "id") -> str:
    """Return the name of `field` (a path such as `address.postal_code`) in `lang`."""
    names = FIELD_LABELS.get(field) or FIELD_LABELS.get(field.split(".", 1)[0])
    if names is None:
        return field
    return names[1] if lang == "en" else names[0]


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message(code: str, lang: str = "id", *, field: str | None = None, **params: Any) -> str:
    """Return the sentence for `code` in `lang`, filled with `params`.

    `field` (defaults to the code's own field) supplies `{label}`.
    """
    template = CATALOGUE[code].text(lang)
    if "{" not in template:
        return template
    values = _Params(params)
    values.setdefault("label", label(field or code.rsplit(".", 1)[0], lang))
    return template.format_map(values)
