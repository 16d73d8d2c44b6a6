"""The HTTP API and web app over a store: `create_app(settings)` returns the FastAPI app.

Reads run in worker threads against a snapshot of the store (see access.py), each under
the request timeout (a DuckDB query past it is interrupted). `POST /documents` analyses
articles with the library's pipeline and writes them through a short-lived connection.
Every refusal is a 4xx JSON error `{"error": {"status", "code", "message"}}`.
"""
from __future__ import annotations

import asyncio
import csv
import io
import json
import secrets
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import query as q
from ..dates import normalize_date
from ..errors import InputError, NewsEventsError
from ..records import Analysis, Article, Problem
from .access import StoreAccess, StoreBusy
from .settings import ServeSettings

STATIC = files("newsevents.serve") / "static"
PAGES = {"timeline": "Story timeline", "network": "Actor network", "quotes": "Quote explorer",
         "article": "Article", "upload": "Analyse an article", "documents": "Documents"}
PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MAX_ARTICLES_PER_POST = 100
_BODY_FORMATS = {"application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
                 "application/ndjson": "jsonl", "text/csv": "csv", "text/html": "html",
                 "application/xhtml+xml": "html", "text/plain": "text"}
_POST_STEM = "__posted__"  # the temporary file's name: ids derived from it are replaced
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


class ApiError(Exception):
    """A refusal with an HTTP status, a short machine-readable code and a readable message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None,
                 **extra: Any):
        super().__init__(message)
        self.status, self.code, self.message, self.headers, self.extra = status, code, message, headers, extra


class JSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=str, separators=(",", ":")).encode("utf-8")


def _error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, **extra}}


def _error(e: ApiError) -> JSON:
    return JSON(_error_body(e.status, e.code, e.message, **e.extra), status_code=e.status, headers=e.headers)


# -- limits: body size and request time, below the framework ------------------------------


class LimitsMiddleware:
    """Refuse bodies over `max_body` (413) and requests that run past `timeout` (408).

    A body is counted as it arrives, so a missing or false Content-Length does not help;
    a client that sends its body too slowly is cut off at the timeout too.
    """

    def __init__(self, app: Any, max_body: int, timeout: float):
        self.app, self.max_body, self.timeout = app, max_body, timeout

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    length = -1
                if length < 0:
                    await _send_error(send, ApiError(400, "bad_content_length", "Content-Length is not a number"))
                    return
                if length > self.max_body:
                    await _send_error(send, _too_large(self.max_body))
                    return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        received, body_done, started = 0, False, False

        async def limited_receive() -> dict:
            nonlocal received, body_done
            if body_done:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(deadline - loop.time(), 0.001))
            except asyncio.TimeoutError:
                raise ApiError(408, "timeout", f"the request body did not arrive within {self.timeout:g} s") from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _too_large(self.max_body)
                body_done = not message.get("more_body", False)
            return message

        async def tracking_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, limited_receive, tracking_send))
        done, _ = await asyncio.wait({task}, timeout=self.timeout + 1.0)
        if task in done:
            task.result()
            return
        if started:  # a download already streaming: let it end
            await task
            return
        task.cancel()
        await _send_error(send, ApiError(408, "timeout", f"the request took longer than {self.timeout:g} s"))


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", f"the request body is larger than the {limit:,} byte limit")


async def _send_error(send: Callable, e: ApiError) -> None:
    body = json.dumps(_error_body(e.status, e.code, e.message)).encode("utf-8")
    await send({"type": "http.response.start", "status": e.status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


# -- the app ------------------------------------------------------------------------------


class Service:
    """What the routes share: settings, store access, worker threads and the pipeline."""

    def __init__(self, settings: ServeSettings, pipeline: Any = None):
        self.settings = settings
        self.access = StoreAccess(settings.db, settings.read_lock_wait, settings.write_lock_wait)
        self.readers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsevents-read")
        self.analyser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsevents-nlp")
        self._pipeline = pipeline
        self._pipeline_lock = threading.Lock()
        self._pending = 0
        self._pending_lock = threading.Lock()

    def close(self) -> None:
        self.readers.shutdown(wait=False, cancel_futures=True)
        self.analyser.shutdown(wait=False, cancel_futures=True)
        self.access.close()

    @property
    def pipeline(self) -> Any:
        with self._pipeline_lock:
            if self._pipeline is None:
                from ..pipeline import Pipeline, PipelineOptions

                options = PipelineOptions(model=self.settings.model) if self.settings.model else None
                self._pipeline = Pipeline(options)
            return self._pipeline

    async def read(self, fn: Callable[[Any], Any]) -> tuple[Any, bool]:
        """Run `fn(store)` on a snapshot in a worker thread; returns (result, stale).

        Raises:
            ApiError: 408 past the request timeout (the query is interrupted), 423 store locked.
        """
        holder: dict[str, Any] = {}

        def work() -> tuple[Any, bool]:
            with self.access.reader() as store:
                holder["store"] = store
                return fn(store), self.access.stale

        future = asyncio.get_running_loop().run_in_executor(self.readers, work)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.settings.request_timeout)
        except asyncio.TimeoutError:
            store = holder.get("store")
            if store is not None:
                try:
                    store.con.interrupt()
                except Exception:  # noqa: BLE001 - closing already
                    pass
            raise ApiError(408, "timeout", f"the query took longer than {self.settings.request_timeout:g} s; "
                                           "narrow the filters or lower the limit") from None
        except StoreBusy as e:
            raise ApiError(423, "store_locked", str(e), headers={"Retry-After": "5"}) from None

    async def analyse(self, articles: list[Article]) -> list[Analysis | Problem]:
        with self._pending_lock:
            if self._pending >= self.settings.max_pending_analyses:
                raise ApiError(429, "busy", "the server is analysing other articles; retry shortly",
                               headers={"Retry-After": "5"})
            self._pending += 1

        def work() -> list[Analysis | Problem]:
            try:
                return list(self.pipeline.analyse(articles))
            finally:
                with self._pending_lock:
                    self._pending -= 1

        future = asyncio.get_running_loop().run_in_executor(self.analyser, work)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.settings.request_timeout)
        except asyncio.TimeoutError:
            raise ApiError(408, "timeout", f"the analysis took longer than {self.settings.request_timeout:g} s; "
                                           "send shorter or fewer articles") from None


def create_app(settings: ServeSettings | None = None, pipeline: Any = None, preload: bool = False) -> FastAPI:
    """The API and web app over the store in `settings.db` (created when missing).

    Args:
        settings: limits, token and store; checked first.
        pipeline: an already loaded `Pipeline` (tests share one); loaded on the first POST otherwise.
        preload: load the pipeline in the background at start-up.

    Raises:
        ConfigError: the settings are not safe to serve (no token beyond loopback, bad limits).
    """
    settings = settings or ServeSettings()
    settings.check()
    service = Service(settings, pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if preload:
            threading.Thread(target=lambda: service.pipeline, daemon=True).start()
        try:
            yield
        finally:
            service.close()

    app = FastAPI(title="newsevents", version=_version(), lifespan=lifespan,
                  description="Events, quotes and actors found in news articles, each with its evidence. "
                              "Lists are paged with an opaque `cursor`; `format=jsonl|csv` downloads a "
                              "filtered list. Errors are `{\"error\": {\"status\", \"code\", \"message\"}}`.")
    app.state.service = service
    app.add_middleware(LimitsMiddleware, max_body=settings.max_body_bytes, timeout=settings.request_timeout)

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, e: ApiError) -> JSON:
        return _error(e)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, e: RequestValidationError) -> JSON:
        parts = []
        for err in e.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return _error(ApiError(422, "invalid_parameter", "; ".join(parts) or "invalid request"))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, e: StarletteHTTPException) -> JSON:
        code = {404: "not_found", 405: "method_not_allowed"}.get(e.status_code, "http_error")
        return _error(ApiError(e.status_code, code, str(e.detail), headers=getattr(e, "headers", None)))

    @app.exception_handler(q.CursorError)
    async def on_cursor(request: Request, e: q.CursorError) -> JSON:
        return _error(ApiError(400, "bad_cursor", f"cursor: {e}; use the next_cursor of the previous page"))

    @app.exception_handler(NewsEventsError)
    async def on_library(request: Request, e: NewsEventsError) -> JSON:
        return _error(ApiError(422, "invalid_input", str(e)))

    bearer = HTTPBearer(auto_error=False, description="The server's token (NEWSEVENTS_TOKEN)")

    def _token_ok(credentials: HTTPAuthorizationCredentials | None) -> bool:
        if not settings.token or credentials is None:
            return False
        return secrets.compare_digest(credentials.credentials.encode("utf-8", "surrogatepass"),
                                      settings.token.encode("utf-8"))

    def can_read(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
        if settings.read_needs_token and not _token_ok(credentials):
            raise ApiError(401, "unauthorized", "this server needs a token to read: send 'Authorization: Bearer TOKEN'",
                           headers={"WWW-Authenticate": "Bearer"})

    def can_write(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
        if not settings.token:
            raise ApiError(403, "writing_disabled", "writing is disabled: start the server with --token "
                                                    "or NEWSEVENTS_TOKEN set")
        if not _token_ok(credentials):
            raise ApiError(401, "unauthorized", "writing needs the server's token: send 'Authorization: Bearer TOKEN'",
                           headers={"WWW-Authenticate": "Bearer"})

    # -- shared parameters ----------------------------------------------------------------

    max_page = settings.max_page_size
    ISO = r"^\d{4}-\d{2}-\d{2}$"
    Text = lambda description: Query(None, max_length=200, description=description)  # noqa: E731

    def _date(value: str | None, name: str) -> str | None:
        try:
            return normalize_date(value)
        except InputError:
            raise ApiError(422, "invalid_parameter", f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None

    def paging(limit: int = Query(settings.default_page_size, ge=1, le=max_page,
                                  description=f"Rows per page (at most {max_page})."),
               cursor: str | None = Query(None, max_length=1000, description="next_cursor of the previous page."),
               format: Literal["json", "jsonl", "csv"] = Query("json", description="json page, or a jsonl/csv "
                                                               "download of the rows from the cursor on."),
               ) -> dict[str, Any]:
        return {"limit": limit, "cursor": cursor, "format": format}

    def event_filters(actor: str | None = Text("Source actor: code prefix (USA, USAGOV) or name."),
                      recipient: str | None = Text("Recipient actor: code prefix or name."),
                      country: str | None = Query(None, max_length=3, pattern=r"^[A-Za-z]{3}$",
                                                  description="Country code on either side (PRK)."),
                      type: list[str] = Query([], description="PLOVER event type; repeatable."),
                      quad: list[int] = Query([], description="Quad class 1-4; repeatable."),
                      modality: Literal["asserted", "future", "hypothetical", "reported"] | None = None,
                      since: str | None = Query(None, pattern=ISO, description="First date, YYYY-MM-DD."),
                      until: str | None = Query(None, pattern=ISO, description="Last date, YYYY-MM-DD."),
                      search: str | None = Text("Text the evidence sentence contains."),
                      document: str | None = Text("Only this document id."),
                      include_negated: bool = Query(False, description="Also events the text says did not happen."),
                      date_field: Literal["event", "document"] = Query(
                          "event", description="Filter and order by the event's date or the publication date."),
                      ) -> q.QueryFilters:
        bad = [t for t in type if t.upper() not in PLOVER]
        if bad:
            raise ApiError(422, "invalid_parameter", f"type: unknown PLOVER type {bad[0]!r} "
                                                     f"(one of {', '.join(PLOVER)})")
        if len(type) > len(PLOVER):
            raise ApiError(422, "invalid_parameter", "type: too many values")
        if any(x not in (1, 2, 3, 4) for x in quad) or len(quad) > 4:
            raise ApiError(422, "invalid_parameter", "quad: quad classes are 1, 2, 3 and 4")
        return q.QueryFilters(actor=actor, recipient=recipient, country=country, types=list(dict.fromkeys(type)),
                              quads=list(dict.fromkeys(quad)), modality=modality, since=_date(since, "since"),
                              until=_date(until, "until"), search=search, document=document,
                              include_negated=include_negated, date_field=date_field)

    def text_filters(search: str | None = Text("Text search."),
                     country: str | None = Query(None, max_length=3, pattern=r"^[A-Za-z]{3}$",
                                                 description="Country code."),
                     since: str | None = Query(None, pattern=ISO, description="First date, YYYY-MM-DD."),
                     until: str | None = Query(None, pattern=ISO, description="Last date, YYYY-MM-DD."),
                     document: str | None = Text("Only this document id."),
                     ) -> q.QueryFilters:
        return q.QueryFilters(search=search, country=country, since=_date(since, "since"),
                              until=_date(until, "until"), document=document)

    async def listing(kind: str, page_fn: Callable, f: q.Filters, paging: dict[str, Any],
                      flatten: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> Response:
        fmt = paging["format"]
        size = paging["limit"] if fmt == "json" else settings.max_download_rows
        page, stale = await service.read(lambda store: page_fn(store, f, paging["cursor"], size))
        headers = {"X-Newsevents-Stale": "1"} if stale else {}
        if fmt == "json":
            return JSON({"items": page.rows, "next_cursor": page.next_cursor, "limit": size, "stale": stale},
                        headers=headers)
        if page.next_cursor:
            headers["X-Next-Cursor"] = page.next_cursor
        headers["Content-Disposition"] = f'attachment; filename="{kind}.{fmt}"'
        if fmt == "jsonl":
            body = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in page.rows)
            return Response(body, media_type="application/x-ndjson; charset=utf-8", headers=headers)
        rows = [flatten(r) for r in page.rows] if flatten else page.rows
        return Response(_csv(rows), media_type="text/csv; charset=utf-8", headers=headers)

    list_responses = {200: {"content": {"application/json": {}, "application/x-ndjson": {}, "text/csv": {}},
                            "description": "A page of rows, or a download (format=jsonl|csv)."}}

    # -- reading ----------------------------------------------------------------------------

    @app.get("/health", tags=["service"])
    async def health() -> dict[str, Any]:
        """Whether the server is up (no token needed)."""
        return {"status": "ok"}

    @app.get("/documents", tags=["documents"], dependencies=[Depends(can_read)], responses=list_responses)
    async def list_documents(f: q.QueryFilters = Depends(text_filters),
                             actor: str | None = Text("Documents mentioning this actor (code prefix or name)."),
                             type: list[str] = Query([], description="Documents with events of this type."),
                             p: dict = Depends(paging)) -> Response:
        """Stored documents with their counts of actors, quotes and events."""
        f.actor = actor
        f.types = [t for t in type if t.upper() in PLOVER] if type else []
        if type and not f.types:
            raise ApiError(422, "invalid_parameter", f"type: unknown PLOVER type {type[0]!r}")
        return await listing("documents", q.document_page, f, p)

    @app.get("/documents/{doc_id}", tags=["documents"], dependencies=[Depends(can_read)])
    async def get_document(doc_id: str) -> Response:
        """One document in the output contract's form: cleaned text, actors, quotes, events."""
        docs, stale = await service.read(lambda store: list(store.iter_documents([doc_id])))
        if not docs:
            raise ApiError(404, "not_found", f"no document {doc_id!r}")
        return JSON({**docs[0], "stale": stale})

    @app.get("/events", tags=["events"], dependencies=[Depends(can_read)], responses=list_responses)
    async def list_events(f: q.QueryFilters = Depends(event_filters), p: dict = Depends(paging)) -> Response:
        """Events matching the filters, in time order, each with its evidence spans."""
        return await listing("events", q.event_page, f, p, _flat_event)

    @app.get("/events/{doc_id}/{event_id}", tags=["events"], dependencies=[Depends(can_read)])
    async def get_event(doc_id: str, event_id: str) -> Response:
        """One event with its evidence."""
        event, stale = await service.read(lambda store: q.get_event(store, doc_id, event_id))
        if event is None:
            raise ApiError(404, "not_found", f"no event {event_id!r} in document {doc_id!r}")
        return JSON({**event, "stale": stale})

    @app.get("/quotes", tags=["quotes"], dependencies=[Depends(can_read)], responses=list_responses)
    async def list_quotes(f: q.QueryFilters = Depends(text_filters),
                          speaker: str | None = Text("Speaker name, mention text or code prefix."),
                          p: dict = Depends(paging)) -> Response:
        """Quotes with their speakers resolved to actors."""
        f.speaker = speaker
        return await listing("quotes", q.quote_page, f, p, _flat_quote)

    @app.get("/actors", tags=["actors"], dependencies=[Depends(can_read)], responses=list_responses)
    async def list_actors(f: q.QueryFilters = Depends(text_filters),
                          actor: str | None = Text("Code prefix (USAGOV) or name."),
                          p: dict = Depends(paging)) -> Response:
        """Actors across documents with mention and document counts, most mentioned first."""
        f.actor = actor
        return await listing("actors", q.actor_page, f, p)

    @app.get("/stats", tags=["events"], dependencies=[Depends(can_read)])
    async def stats(f: q.QueryFilters = Depends(event_filters),
                    top: int = Query(50, ge=1, le=max_page, description="Most countries and dyads listed.")) -> Response:
        """Counts of the filtered events by type, quad class, day, country and dyad (actor, recipient)."""
        result, stale = await service.read(lambda store: q.event_stats(store, f, top))
        return JSON({**result, "stale": stale})

    # -- writing ----------------------------------------------------------------------------

    post_body = {"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"oneOf": [
            {"$ref": "#/components/schemas/ArticleIn"},
            {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}, "maxItems": MAX_ARTICLES_PER_POST},
        ]}},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    }}}

    def post_params(id: str | None = Query(None, max_length=200, description="Document id (text and HTML bodies)."),
                    title: str | None = Query(None, max_length=1000, description="Headline (text and HTML bodies)."),
                    date: str | None = Query(None, pattern=ISO, description="Publication date, YYYY-MM-DD, "
                                                                            "for articles that have none."),
                    url: str | None = Query(None, max_length=2000),
                    outlet: str | None = Query(None, max_length=200)) -> dict[str, Any]:
        return {"id": id, "title": title, "date": _date(date, "date"), "url": url, "outlet": outlet}

    @app.post("/documents", tags=["documents"], status_code=201, dependencies=[Depends(can_write)],
              openapi_extra=post_body)
    async def post_documents(request: Request, meta: dict = Depends(post_params),
                             force: bool = Query(False, description="Store again even when unchanged.")) -> Response:
        """Analyse articles and store them: a JSON article (or list), plain text or an HTML page.

        JSON articles have the fields `id`, `title`, `text` or `html`, `date`, `url`, `outlet`.
        Answers with each stored document's analysis; 201 when something was added or replaced.
        """
        analyses, problems = await _analyse_request(request, meta)
        result = await _write(analyses, force)
        status = 201 if result.added or result.replaced else 200
        return JSON({"stored": True, "added": result.added, "replaced": result.replaced,
                     "unchanged": result.unchanged, "documents": [a.to_dict() for a in analyses],
                     "problems": problems}, status_code=status)

    @app.post("/analyse", tags=["documents"], dependencies=[Depends(can_read)], openapi_extra=post_body)
    async def analyse(request: Request, meta: dict = Depends(post_params)) -> Response:
        """Analyse articles without storing them (as `newsevents extract`)."""
        analyses, problems = await _analyse_request(request, meta)
        return JSON({"stored": False, "documents": [a.to_dict() for a in analyses], "problems": problems})

    async def _write(analyses: list[Analysis], force: bool):
        future = asyncio.get_running_loop().run_in_executor(service.readers, service.access.write, analyses, force)
        try:
            return await asyncio.wait_for(asyncio.shield(future), settings.write_lock_wait + settings.request_timeout)
        except StoreBusy as e:
            raise ApiError(423, "store_locked", str(e), headers={"Retry-After": "10"}) from None
        except asyncio.TimeoutError:
            raise ApiError(408, "timeout", "writing to the store took too long; retry later") from None

    async def _analyse_request(request: Request, meta: dict[str, Any]) -> tuple[list[Analysis], list[dict]]:
        body = await request.body()
        media = (request.headers.get("content-type") or "text/plain").split(";")[0].strip().lower()
        fmt = _BODY_FORMATS.get(media)
        if fmt is None:
            raise ApiError(415, "unsupported_media_type", f"cannot read a {media} body; send application/json, "
                                                          "text/plain, text/html, application/x-ndjson or text/csv")
        if not body.strip():
            raise ApiError(422, "empty_body", "the request body is empty; send an article")
        if fmt == "json":
            body, fmt = _json_to_jsonl(body), "jsonl"
        future = asyncio.get_running_loop().run_in_executor(service.readers, _read_body, body, fmt, meta,
                                                            settings.max_body_bytes)
        try:
            articles, problems = await asyncio.wait_for(asyncio.shield(future), settings.request_timeout)
        except asyncio.TimeoutError:
            raise ApiError(408, "timeout", f"reading the body took longer than {settings.request_timeout:g} s") from None
        if len(articles) > MAX_ARTICLES_PER_POST:
            raise ApiError(413, "too_many_articles", f"at most {MAX_ARTICLES_PER_POST} articles per request")
        analyses: list[Analysis] = []
        if articles:
            for r in await service.analyse(articles):
                if isinstance(r, Problem):
                    problems.append(_problem(r))
                else:
                    analyses.append(r)
        if not analyses:
            raise ApiError(422, "no_article", "no article could be read from the body: "
                           + "; ".join(p["message"] for p in problems), problems=problems)
        return analyses, problems

    # -- the web app ----------------------------------------------------------------------

    template = (STATIC / "page.html").read_text(encoding="utf-8")

    @app.get("/", include_in_schema=False)
    async def home() -> RedirectResponse:
        return RedirectResponse("/app/timeline")

    @app.get("/app/{page}", include_in_schema=False)
    async def page(page: str) -> HTMLResponse:
        if page not in PAGES:
            raise ApiError(404, "not_found", f"no page {page!r}")
        nav = "".join(f'<a href="/app/{name}"{" class=current" if name == page else ""}>{title}</a>'
                      for name, title in PAGES.items() if name != "article")
        html = (template.replace("{{title}}", PAGES[page]).replace("{{page}}", page).replace("{{nav}}", nav))
        return HTMLResponse(html, headers={"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff",
                                           "Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _add_schemas(app)
    return app


def _add_schemas(app: FastAPI) -> None:
    """Describe the JSON article of POST /documents in the OpenAPI document."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = {
            "type": "object", "title": "ArticleIn",
            "properties": {k: {"type": "string"} for k in ("id", "title", "text", "html", "date", "url", "outlet")},
            "anyOf": [{"required": ["text"]}, {"required": ["html"]}],
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("newsevents")
    except Exception:  # noqa: BLE001 - running from a checkout
        return "0"


def _json_to_jsonl(body: bytes) -> bytes:
    """A JSON article, list of articles or {"articles": [...]} as JSONL lines for the reader."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise ApiError(400, "invalid_json", f"the body is not valid JSON: {e}") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    if not records:
        raise ApiError(422, "empty_body", "the JSON list holds no article")
    if len(records) > MAX_ARTICLES_PER_POST:
        raise ApiError(413, "too_many_articles", f"at most {MAX_ARTICLES_PER_POST} articles per request")
    for n, r in enumerate(records, 1):
        if not isinstance(r, dict):
            raise ApiError(422, "invalid_article", f"article {n}: expected a JSON object with 'text' or 'html', "
                                                   f"got {type(r).__name__}")
        for k in ("id", "title", "text", "html", "date", "url", "outlet"):
            if k in r and r[k] is not None and not isinstance(r[k], str):
                if k == "id" and isinstance(r[k], int) and not isinstance(r[k], bool):
                    continue
                raise ApiError(422, "invalid_article", f"article {n}: '{k}' must be a string")
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records)


def _read_body(body: bytes, fmt: str, meta: dict[str, Any], max_bytes: int) -> tuple[list[Article], list[dict]]:
    """Articles from a request body, read by the library's readers from a temporary file."""
    from ..ingest import IngestOptions, content_hash, read_inputs

    articles, problems = [], []
    ext = {"jsonl": "jsonl", "csv": "csv", "html": "html", "text": "txt"}[fmt]
    with tempfile.TemporaryDirectory(prefix="newsevents-post-") as tmp:
        path = Path(tmp) / f"{_POST_STEM}.{ext}"
        path.write_bytes(body)
        options = IngestOptions(input_format=fmt, default_date=meta.get("date"), max_bytes=max_bytes)
        for item in read_inputs([str(path)], options):
            if isinstance(item, Problem):
                problems.append(_problem(item))
                continue
            if fmt in ("text", "html"):
                for k in ("title", "url", "outlet"):
                    if meta.get(k):
                        setattr(item, k, meta[k])
                item.content_hash = content_hash(item)
                if meta.get("id"):
                    item.id = meta["id"]
            if item.id == _POST_STEM or item.id.startswith(_POST_STEM + "-"):
                item.id = "upload-" + item.content_hash[:12]
            item.source = f"POST:{item.source.rsplit(':', 1)[-1]}" if fmt in ("jsonl", "csv") else "POST"
            articles.append(item)
    return articles, problems


def _problem(p: Problem) -> dict[str, Any]:
    return {"line": p.line, "level": p.level, "message": p.message}


def _codes(side: list[dict[str, Any]]) -> str:
    return "; ".join(a.get("code") or a.get("text") or "?" for a in side)


def _flat_event(e: dict[str, Any]) -> dict[str, Any]:
    return {"document": e["document"], "id": e["id"], "date": e["date"], "document_date": e.get("document_date"),
            "event": e["event"], "cameo": e["cameo"], "quad": e["quad"], "goldstein": e["goldstein"],
            "actor": _codes(e["actor"]), "recipient": _codes(e["recipient"]), "modality": e["modality"],
            "negated": e["negated"], "location": e["location"], "trigger": (e.get("trigger") or {}).get("text"),
            "sentence": (e.get("sentence") or {}).get("text"), "confidence": e["confidence"]}


def _flat_quote(r: dict[str, Any]) -> dict[str, Any]:
    return {"document": r["document"], "date": r["date"], "id": r["id"], "kind": r["kind"],
            "speaker": (r.get("speaker") or {}).get("text"), "speaker_name": r["speaker_name"],
            "speaker_code": r["speaker_code"], "cue": (r.get("cue") or {}).get("text"),
            "content": (r.get("content") or {}).get("text")}


def _csv(rows: list[dict[str, Any]]) -> str:
    from ..output import write_rows

    out = io.StringIO()
    if rows:
        write_rows(rows, "csv", out)
    else:
        csv.writer(out).writerow([])
    return out.getvalue()
