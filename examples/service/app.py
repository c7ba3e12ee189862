"""An example web service over jmo_validate (FastAPI): validate a record, decode a NIK.

Run it from the repository root::

    python -m pip install -e ".[service]" uvicorn
    uvicorn examples.service.app:app --no-access-log

How issue codes map to HTTP (docs/service.md):

* ``200``: ``POST /participants/validate`` answers every well-formed request with the
  report, whatever is wrong with the participant data (``ok`` says whether it passed).
* ``422``: the request itself fails its declared schema: not JSON (also JSON nested too
  deeply to read), a body that is not the envelope, an unknown policy or language, or on
  ``GET /nik/{nik}`` a NIK that breaks a NIK rule (the NIK *is* that request). ``detail``
  is FastAPI's list of errors; ``type`` is our issue code (``nik.serial``) where our type
  made the check. The submitted values are never echoed, and keys in ``loc`` are masked.
* ``413``: the body is larger than ``MAX_BODY_BYTES`` (1 MiB): it is not read any further;
  ``detail`` has the same shape, with ``type`` ``body_too_large``.

Personal data is masked in every response (the report's ``expected``/``actual``, the
NIK). FastAPI is a dependency of this example only, never of the library.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jmo_validate import Kind, Policy, Severity, validate
from jmo_validate.codes import Language
from jmo_validate.masking import mask_personal
from jmo_validate.nik import Nik
from jmo_validate.person import Sex
from jmo_validate.regions import Region, RegionStatus
from jmo_validate.types import NikValidator

#: The largest request body read (a record and its reference at the record layer's limits,
#: 200 keys of 256 characters each, fit many times over).
MAX_BODY_BYTES = 1024 * 1024

#: The policy presets a request may name (``Policy.<name>()``).
PolicyName = Literal["profile_update", "jmo_registration", "benefit_claim"]

#: The NIK type of jmo_validate.types, once per message language.
NIK_TYPES = {
    language: TypeAdapter(Annotated[Nik, NikValidator(lang=language)]) for language in ("id", "en")
}
#: What the NIK type accepts as input, as JSON schema (the path parameter's schema).
NIK_INPUT_SCHEMA: dict[str, Any] = NIK_TYPES["id"].json_schema()


class ValidationRequest(BaseModel):
    """A participant record to check, with an optional reference record and the policy."""

    model_config = ConfigDict(extra="forbid")

    record: dict[str, Any] = Field(
        description="The participant record as `validate()` reads it: English or Indonesian "
        "keys (`nik`, `No KPJ`, `Nama Lengkap`, ...), nested sections or dotted keys.",
        examples=[{"nik": "3273014107900003", "nama": "Siti Aminah", "tgl_lahir": "1 Juli 1990"}],
    )
    reference: dict[str, Any] | None = Field(
        default=None, description="A reference record (e.g. the KTP data) to compare with."
    )
    policy: PolicyName = Field(default="profile_update", description="The scenario preset.")
    language: Language = Field(default="id", description="Language of the messages.")
    reference_date: date | None = Field(
        default=None,
        description="'Today' for ages and the NIK's century (default: the day of the request).",
    )


class IssueOut(BaseModel):
    """One problem with one field (`Issue.to_dict()`); values are masked."""

    field: str = Field(description="Field path, e.g. `address.postal_code`.")
    kind: Kind
    code: str = Field(
        description="Stable issue code `<field>.<problem>`, see the catalogue (docs/codes.md). "
        "New codes may be added; existing ones are never renamed.",
        examples=["nik.serial", "sex.nik_mismatch"],
    )
    severity: Severity
    message: str = Field(description="A sentence for people, in the requested language.")
    expected: str | None = Field(description="The expected value, masked.")
    actual: str | None = Field(description="The value found, masked.")
    params: dict[str, Any] = Field(description="Non-identifying details, e.g. a length.")


class ReportOut(BaseModel):
    """Everything found in the record (`Report.to_dict()`, masked)."""

    ok: bool = Field(description="True when no issue has severity `error`.")
    missing: list[str]
    invalid: list[str]
    mismatched: list[str]
    issues: list[IssueOut]
    unknown_fields: list[str] = Field(description="Record keys that name no field.")


class RegionOut(BaseModel):
    """A region of first registration and, after a split, the region it lies in today."""

    code: str = Field(description="The code in the NIK.")
    name: str | None = Field(description="Its name; null when the code is in no edition.")
    current_code: str | None = Field(description="Today's region (the same when current).")
    current_name: str | None


class NikOut(BaseModel):
    """What a NIK encodes. Together these parts give the number back: treat as personal data."""

    nik: str = Field(description="The NIK, masked.", examples=["3273********0003"])
    province: RegionOut
    regency: RegionOut
    district: RegionOut
    region_status: RegionStatus
    birth_date: date
    sex: Sex


app = FastAPI(
    title="jmo_validate example service",
    version="1",
    description="Validate BPJS Ketenagakerjaan participant data; decode a NIK. "
    "Data problems are 200 with `ok: false`; a request failing its schema is 422.",
)


def _detail(kind: str, message: str, **details: Any) -> list[dict[str, Any]]:
    """One error about the body, in the shape of FastAPI's 422 ``detail``."""
    return [{"type": kind, "loc": ["body"], "msg": message, **details}]


class BodyLimit:
    """ASGI middleware: answer ``413`` once a request body passes ``limit`` bytes.

    A declared ``Content-Length`` over the limit is refused before anything is read; a
    body sent in chunks is counted as it arrives and reading stops at the limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.detail = _detail("body_too_large", f"The request body is larger than {limit} bytes.")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.limit:
            answer = JSONResponse(status_code=413, content={"detail": self.detail})
            await answer(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:  # FastAPI lets an HTTPException from reading through
                raise HTTPException(status_code=413, detail=self.detail)
            return message

        await self.app(scope, counted, send)


app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)


@app.exception_handler(RequestValidationError)
async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 without the ``input`` of each error (it may be a NIK or a whole record),
    and with personal data masked in ``loc`` (a NIK sent as a key)."""
    errors = [
        {
            **{key: value for key, value in line.items() if key != "input"},
            "loc": [mask_personal(part) if isinstance(part, str) else part for part in line["loc"]],
        }
        for line in error.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors)})


@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, error: StarletteHTTPException) -> Response:
    """A body FastAPI cannot parse (JSON nested too deeply, invalid UTF-8) is its ``400`` with
    a bare string: answer it as the ``422`` of a body that is not JSON, in the same shape."""
    if error.status_code == 400:
        cause = "the body cannot be read as JSON (invalid UTF-8, or nested too deeply)"
        detail = _detail("json_invalid", "JSON decode error", ctx={"error": cause})
        return JSONResponse(status_code=422, content={"detail": detail})
    return await http_exception_handler(request, error)


@app.post("/participants/validate", response_model=ReportOut)
def validate_participant(request: ValidationRequest) -> dict[str, Any]:
    """Check a participant record; the answer is the report, whatever the data holds."""
    policy: Policy = getattr(Policy, request.policy)(
        language=request.language, reference_date=request.reference_date
    )
    report = validate(request.record, reference=request.reference, policy=policy)
    return report.to_dict()


@app.get("/nik/{nik}", response_model=NikOut)
def decode_nik(
    nik: Annotated[
        str,
        Path(
            description="A NIK (16 digits; spaces, dots and dashes allowed).",
            pattern=NIK_INPUT_SCHEMA["pattern"],
            examples=["3273014107900003"],
        ),
    ],
    language: Annotated[Language, Query(description="Language of error messages.")] = "id",
) -> NikOut:
    """Decode a NIK: regions of first registration, birth date and sex."""
    try:
        parsed = NIK_TYPES[language].validate_python(nik)
    except ValidationError as error:
        raise RequestValidationError(
            [{**line, "loc": ("path", "nik", *line["loc"])} for line in error.errors()]
        ) from None
    return NikOut(
        nik=str(parsed),
        province=_region(parsed.province_code, parsed.province, parsed.current_province),
        regency=_region(parsed.regency_code, parsed.regency, parsed.current_regency),
        district=_region(parsed.district_code, parsed.district, parsed.current_district),
        region_status=parsed.region_status,
        birth_date=parsed.birth_date,
        sex=parsed.sex,
    )


def _region(code: str, first: Region | None, today: Region | None) -> RegionOut:
    return RegionOut(
        code=code,
        name=first.name if first else None,
        current_code=today.code if today else None,
        current_name=today.name if today else None,
    )
