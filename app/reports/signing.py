"""Signing report PDFs with the workstation's key, and checking them (SPEC § 6: "PDFs are signed with the
workstation key", so a PDF reader shows who signed it). pyHanko does the PDF side (an incremental update with a
CMS signature); the key and certificate are the ones of the workstation's bundles (`app.exchange.identity`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from app.core.messages import Ref
from app.exchange.identity import BadCertificate, Identity, PublicIdentity, load_certificate


def _quiet_pyhanko() -> None:
    """Import pyHanko without its import-time CryptographyDeprecationWarning (it imports the DSA key type, which
    we never use): a user printing a report must not see a Python warning."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*DSA.*", category=DeprecationWarning)
        try:
            from cryptography.utils import CryptographyDeprecationWarning
            warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning)
        except ImportError:  # pragma: no cover - older cryptography
            pass
        import pyhanko.sign.signers.pdf_cms  # noqa: F401

MAX_PDF_BYTES = 200 * 1024**2  # an office's year report is a few MB; a larger file is not a TNLĐ report


def sign_pdf(pdf: bytes, identity: Identity, reason: str, location: str) -> bytes:
    """*pdf* with an invisible signature of *identity* (field "TNLD")."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    _quiet_pyhanko()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certificate = asn1_x509.Certificate.load(identity.public.certificate.public_bytes(serialization.Encoding.DER))
    key = asn1_keys.PrivateKeyInfo.load(identity.signing_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    signer = signers.SimpleSigner(signing_cert=certificate, signing_key=key,
                                  cert_registry=SimpleCertificateStore.from_certs([certificate]))
    metadata = signers.PdfSignatureMetadata(field_name="TNLD", reason=reason, location=location,
                                            name=identity.public.unit_name)
    out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), metadata, signer=signer)
    return out.getvalue()


@dataclass(frozen=True)
class PdfCheck:
    signer: PublicIdentity | None
    intact: bool  # the signed bytes are unchanged and the signature verifies
    covers_whole_file: bool  # nothing was added after the signature


def check_pdf(path: Path) -> PdfCheck:
    """Read the signature of a report PDF. Raises `UserError` for a file that is missing, not a PDF or unsigned."""
    _quiet_pyhanko()
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from app.core.fsutil import read_input
    from app.exchange.container import BundleDamaged

    path, data = read_input(path, MAX_PDF_BYTES)
    if b"%PDF-" not in data[:1024]:  # not a PDF at all: a key card, a bundle…? Say what it is.
        from app.core.filekinds import wrong_kind

        error = wrong_kind(path, expected=("pdf",), quiet=("other", "json", "zip", "empty"))
        if error is not None:
            raise error
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError):
        raise BundleDamaged("pdf.unreadable", path=str(path), reason=Ref("reason.not_pdf")) from None
    if not signatures:
        raise BundleDamaged("pdf.unsigned", path=str(path))
    signature = signatures[-1]
    try:
        signer = load_certificate(_pem(signature.signer_cert.dump()))
    except BadCertificate:
        signer = None
    try:
        trust_roots = [signature.signer_cert]
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=trust_roots))
        intact = bool(status.intact and status.valid)
        whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    except Exception:  # noqa: BLE001 - any failure to validate a hostile file means "not intact"
        intact, whole = False, False
    return PdfCheck(signer, intact, whole)


def _pem(der: bytes) -> bytes:
    import base64

    body = base64.encodebytes(der).decode("ascii").replace("\n", "")
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return ("-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) + "\n-----END CERTIFICATE-----\n").encode("ascii")

