"""`cnai import hf`: a registry entry from a Hugging Face Hub repository, every value sourced.

Reads, through huggingface_hub (an optional extra: `pip install "cnai[hub]"`), the repository's
model info (`/api/models/REPO`: card metadata, creation and modification dates, and the Hub's
count of the parameters in the safetensors weights) and its `config.json`. From them:

- params.total: the weights' parameter count as the Hub sums it from the safetensors headers;
- architecture: `moe` needs an active-parameter count the config cannot give, so a config with
  experts leaves architecture and params.active empty and says so in `notes` (never guessed);
  a config without experts is `dense`;
- context: `max_position_embeddings`; when the config scales positions (rope_scaling) that
  figure is the scaled maximum (`context.max`), else the native window (`context.native`);
- license (SPDX where the card's id has one), languages (the card's list, counted),
  base_model (when it names a model of the registry), released (the repository's creation day,
  which the note flags as such).

Benchmarks, prices and modalities are left out: a config does not state them.
HF_ENDPOINT names a mirror (the tests point it at a local server); timeouts and one retry as
for every network command (cnai.network). Reached only from `cli`.
"""

from __future__ import annotations

import json
import os
import time
from datetime import datetime
from typing import Any

from cnai.errors import NetworkError, NotFoundError, UsageError

SPDX = {
    "mit": "MIT", "apache-2.0": "Apache-2.0", "bsd-3-clause": "BSD-3-Clause", "gpl-3.0": "GPL-3.0",
    "cc-by-4.0": "CC-BY-4.0", "cc-by-nc-4.0": "CC-BY-NC-4.0", "llama3": "Llama 3 Community License",
}  # fmt: skip
EXPERT_KEYS = ("n_routed_experts", "num_experts", "num_local_experts", "moe_num_experts")


def _endpoint() -> str:
    return (os.environ.get("HF_ENDPOINT") or "https://huggingface.co").rstrip("/")


def _retrying(what: str, call: Any) -> Any:
    """Run a Hub call with one retry for passing failures; map every failure to our errors.

    A ValueError (a file that is not what it claims) is not a network failure: it passes through.
    """
    from huggingface_hub import errors as hub_errors

    for attempt in (0, 1):
        try:
            return call()
        except hub_errors.RepositoryNotFoundError:
            raise NotFoundError(f"no repository {what} on {_endpoint()}") from None
        except hub_errors.HfHubHTTPError as exc:
            status = getattr(getattr(exc, "response", None), "status_code", None)
            if status == 404:
                raise NotFoundError(f"{what}: not found on {_endpoint()}") from None
            if attempt == 0 and (status is None or status >= 500):
                time.sleep(0.5)
                continue
            raise NetworkError(f"cannot read {what} from {_endpoint()}: the server answered {status}") from None
        except ValueError:
            raise
        except Exception as exc:  # httpx2 transport errors and timeouts, offline mode (an OSError)
            if attempt == 0:
                time.sleep(0.5)
                continue
            raise NetworkError(f"cannot reach {_endpoint()} for {what}: {type(exc).__name__}") from None
    raise AssertionError("unreachable")


def fetch(repo_id: str, timeout: float) -> tuple[Any, dict[str, Any] | None]:
    """The Hub's model info and the parsed config.json (None when the repository has none)."""
    try:
        from huggingface_hub import HfApi, get_session, hf_hub_url, hf_raise_for_status
    except ImportError:
        raise UsageError('cnai import hf needs the hub extra: pip install "cnai[hub]"') from None
    api = HfApi(endpoint=_endpoint())
    info = _retrying(repo_id, lambda: api.model_info(repo_id, timeout=timeout))
    names = {s.rfilename for s in info.siblings or []}
    if "config.json" not in names:
        return info, None
    url = hf_hub_url(repo_id, "config.json", revision=info.sha, endpoint=_endpoint())

    def get_config() -> dict[str, Any]:
        response = get_session().get(url, timeout=timeout, follow_redirects=True)
        hf_raise_for_status(response)
        return dict(json.loads(response.content))

    try:
        config = _retrying(f"{repo_id}/config.json", get_config)
    except ValueError:
        raise NetworkError(f"{repo_id}: config.json is not JSON; nothing was written") from None
    return info, config


def entry(info: Any, config: dict[str, Any] | None, *, vendor: str, family: str | None, reg: Any) -> dict[str, Any]:
    """A registry file (schema 1) holding the model, its sources, and its family when new."""
    repo = str(info.id)
    name = repo.split("/", 1)[1]
    ident = name.lower()
    revision = info.sha or "main"
    page = f"{_endpoint()}/{repo}"
    fetched = datetime.now().astimezone().isoformat(timespec="seconds")
    card_key, config_key = f"hf-{ident}", f"hf-{ident}-config"
    sources: dict[str, Any] = {
        card_key: {
            "title": f"{repo} on the Hugging Face Hub (model info and card metadata)",
            "url": page,
            "date": info.last_modified.date().isoformat() if info.last_modified else None,
            "publisher": repo.split("/", 1)[0],
            "accessed_via": f"cnai import hf at {fetched}: {_endpoint()}/api/models/{repo} (revision {revision})",
        }
    }
    notes: list[str] = []
    model: dict[str, Any] = {"id": ident, "name": name}
    existing = reg.models.get(ident) if reg is not None else None
    family_id = family or (existing.family if existing is not None else ident)
    model["family"] = family_id
    model["vendor"] = vendor
    if info.created_at:
        model["released"] = info.created_at.date().isoformat()
        notes.append("released: the day the Hub repository was created, not necessarily the announcement.")
    total = getattr(info.safetensors, "total", None) if info.safetensors else None
    params: dict[str, Any] = {"total": total, "active": None}
    notes.append(
        f"params.total: the Hub's sum over the safetensors weights ({total:,}), which counts every tensor "
        "shipped (e.g. a multi-token-prediction module)."
        if total
        else "params.total: no safetensors weights on the Hub to count."
    )
    context: dict[str, Any] = {"native": None, "max": None}
    architecture = None
    if config is not None:
        sources[config_key] = {
            "title": f"{repo} config.json",
            "url": f"{page}/blob/{revision}/config.json",
            "publisher": repo.split("/", 1)[0],
            "accessed_via": f"cnai import hf at {fetched}",
        }
        experts = next((config[k] for k in EXPERT_KEYS if isinstance(config.get(k), int)), None)
        per_token = config.get("num_experts_per_tok")
        if experts and experts > 1:
            notes.append(
                f"architecture: the config has {experts} experts ({per_token} per token), a mixture of experts; "
                "the active-parameter count is not derivable from the config, so params.active and "
                "architecture are left empty."
            )
        else:
            architecture = "dense"
        positions = config.get("max_position_embeddings")
        if isinstance(positions, int) and positions > 0:
            if config.get("rope_scaling"):
                context["max"] = positions
                notes.append(f"context.max: max_position_embeddings ({positions:,}) with rope_scaling in the config.")
            else:
                context["native"] = positions
                notes.append(f"context.native: max_position_embeddings ({positions:,}).")
    card = info.card_data.to_dict() if getattr(info, "card_data", None) else {}
    license_id = card.get("license")
    if isinstance(license_id, str):
        model_license = SPDX.get(license_id.lower(), card.get("license_name") or license_id)
    else:
        model_license = None
    languages = card.get("language")
    base = card.get("base_model")
    base = base[0] if isinstance(base, list) and base else base
    base_id = None
    if isinstance(base, str) and reg is not None:
        candidate = base.split("/", 1)[-1].lower()
        base_id = candidate if candidate in reg.models else None
        if base_id is None:
            notes.append(f"base_model: the card names {base}, which is not in the registry.")
    model.update(
        {
            "architecture": architecture,
            "params": params,
            "context": context,
            "license": model_license,
            "open_weights": True if total else None,
            "languages": len(languages) if isinstance(languages, list) and languages else None,
            "base_model": base_id,
            "notes": " ".join(notes + ["Benchmarks, prices and modalities: not in the Hub metadata; left out."]),
            "sources": list(sources),
        }
    )
    document: dict[str, Any] = {"schema": 1, "sources": sources}
    if reg is None or family_id not in reg.families:
        document["families"] = [{"id": family_id, "name": name, "vendor": vendor, "flagship": ident}]
    document["models"] = [model]
    return document
