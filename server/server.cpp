// LSP lifecycle, dispatch and JSON binding for molt-lsp.
#include "server/server.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <cstdlib>

#include "server/build_runner.h"
#include "server/features.h"

namespace molt::lsp {

namespace {

constexpr const char* kVersion = "0.1.0";

const char* const kTokenTypes[] = {"namespace", "class", "function", "method", "parameter", "variable", "property"};
const char* const kTokenModifiers[] = {"declaration", "defaultLibrary"};

const json* member(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::optional<std::string> stringAt(const json& j, const char* key) {
  const json* v = member(j, key);
  if (!v || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

std::optional<std::string> docUri(const json& params) {
  const json* td = member(params, "textDocument");
  return td ? stringAt(*td, "uri") : std::nullopt;
}

bool validId(const json& id) { return id.is_string() || id.is_number_integer(); }

int severityNumber(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Note: return 3;
  }
  return 1;
}

int symbolKindNumber(SymbolCategory c) {
  switch (c) {
    case SymbolCategory::Class: return 5;
    case SymbolCategory::Method: return 6;
    case SymbolCategory::Field: return 8;
    case SymbolCategory::Function: return 12;
    case SymbolCategory::Variable: return 13;
  }
  return 13;
}

}  // namespace

LanguageServer::LanguageServer(Transport& transport, ServerOptions options)
    : transport_(transport),
      options_(options),
      timing_(std::getenv("MOLT_LSP_TIMING") != nullptr),
      scheduler_([this](const std::string& uri) { analyzeAndPublish(uri); }) {}

LanguageServer::~LanguageServer() {
  scheduler_.stop();
  for (std::thread& t : builds_) t.join();
}

// ------------------------------------------------------------------ output

void LanguageServer::send(const json& msg) { transport_.send(dump(msg)); }
void LanguageServer::reply(const json& id, json result) { send(makeResponse(id, std::move(result))); }
void LanguageServer::replyError(const json& id, ErrorCode code, std::string_view message) {
  send(makeError(id, code, message));
}

void LanguageServer::log(int type, const std::string& text) {
  if (options_.log_to_stderr) std::fprintf(stderr, "molt-lsp: %s\n", text.c_str());
  send(makeNotification("window/logMessage", {{"type", type}, {"message", text}}));
}

bool LanguageServer::takeCancelled(const json& id) {
  std::lock_guard lock(state_mutex_);
  std::string key = dump(id);
  pending_.erase(key);
  return cancelled_.erase(key) > 0;
}

// ------------------------------------------------------------------- input

int LanguageServer::run() {
  FrameEvent ev;
  while (!exit_ && transport_.next(ev)) {
    if (ev.kind == FrameEvent::Kind::Error) {
      log(1, "bad message frame: " + ev.text);
      replyError(nullptr, ErrorCode::ParseError, "bad message frame: " + ev.text);
      continue;
    }
    handleBody(ev.text);
  }
  scheduler_.stop();
  return exit_ && shutdown_ ? 0 : 1;
}

void LanguageServer::handleBody(const std::string& body) {
  json msg = json::parse(body, nullptr, false);
  if (msg.is_discarded()) {
    log(1, "dropped a message that is not valid JSON (" + std::to_string(body.size()) + " bytes)");
    replyError(nullptr, ErrorCode::ParseError, "message is not valid JSON");
    return;
  }
  handleMessage(msg);
}

void LanguageServer::handleMessage(const json& msg) {
  if (!msg.is_object()) {
    replyError(nullptr, ErrorCode::InvalidRequest, "a JSON-RPC message must be an object");
    return;
  }
  const json* id = member(msg, "id");
  const json* method = member(msg, "method");
  if (id && !validId(*id) && !id->is_null()) {
    replyError(nullptr, ErrorCode::InvalidRequest, "`id` must be a string or an integer");
    return;
  }
  if (!method) {
    if (id && (msg.contains("result") || msg.contains("error"))) {
      handleResponse(msg);
      return;
    }
    replyError(id ? *id : json(nullptr), ErrorCode::InvalidRequest, "message has no `method`");
    return;
  }
  if (!method->is_string()) {
    replyError(id ? *id : json(nullptr), ErrorCode::InvalidRequest, "`method` must be a string");
    return;
  }
  static const json kNoParams = json::object();
  const json* params = member(msg, "params");
  const json& p = params ? *params : kNoParams;
  if (params && !params->is_object() && !params->is_array() && !params->is_null()) {
    if (id) replyError(*id, ErrorCode::InvalidRequest, "`params` must be an object or an array");
    return;
  }
  std::string m = method->get<std::string>();
  if (trace_ != "off") {
    std::string text = "received " + std::string(id ? "request" : "notification") + " '" + m + "'";
    json trace = {{"message", text}};
    if (trace_ == "verbose") trace["verbose"] = dump(p).substr(0, 4000);
    send(makeNotification("$/logTrace", trace));
  }
  if (id && !id->is_null()) handleRequest(*id, m, p);
  else if (id) replyError(nullptr, ErrorCode::InvalidRequest, "`id` must not be null");
  else handleNotification(m, p);
}

void LanguageServer::handleResponse(const json& msg) {
  const json& id = msg["id"];
  std::string key = id.is_string() ? id.get<std::string>() : dump(id);
  if (!config_requests_.erase(key)) return;  // not ours or already handled
  const json* result = member(msg, "result");
  if (!result || !result->is_array() || result->empty()) return;
  {
    std::lock_guard lock(state_mutex_);
    ServerSettings before = settings_;
    applyClientSettings((*result)[0], settings_);
    if (settings_ == before) return;  // e.g. a client without molt settings answers [null]: nothing to redo
    ++settings_generation_;
  }
  reanalyzeAll();
}

// ---------------------------------------------------------------- requests

void LanguageServer::handleRequest(const json& id, const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) {
      replyError(id, ErrorCode::InvalidRequest, "initialize may only be sent once");
      return;
    }
    reply(id, initialize(params));
    initialized_ = true;
    return;
  }
  if (!initialized_) {
    replyError(id, ErrorCode::ServerNotInitialized, "the server has not been initialized");
    return;
  }
  if (shutdown_) {
    replyError(id, ErrorCode::InvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    reply(id, nullptr);
    return;
  }
  PositionEncoding enc = encoding_.load();
  auto offsetParam = [enc](const DocumentAnalysis& a, const json& params) -> std::optional<uint32_t> {
    const json* pos = member(params, "position");
    auto p = pos ? parsePosition(*pos) : std::nullopt;
    if (!p) return std::nullopt;
    return toOffset(*a.source, *p, enc);
  };
  if (method == "textDocument/hover") {
    documentRequest(id, params, nullptr, [=](const DocumentAnalysis& a) -> json {
      auto off = offsetParam(a, params);
      auto h = off ? hover(a, *off) : std::nullopt;
      if (!h) return nullptr;
      return {{"contents", {{"kind", "markdown"}, {"value", h->markdown}}}, {"range", toJson(toRange(*a.source, h->range, enc))}};
    });
  } else if (method == "textDocument/definition") {
    documentRequest(id, params, nullptr, [=](const DocumentAnalysis& a) -> json {
      auto off = offsetParam(a, params);
      auto r = off ? definition(a, *off) : std::nullopt;
      if (!r) return nullptr;
      return {{"uri", a.uri}, {"range", toJson(toRange(*a.source, *r, enc))}};
    });
  } else if (method == "textDocument/documentSymbol") {
    documentRequest(id, params, json::array(), [=](const DocumentAnalysis& a) -> json {
      std::function<json(const OutlineSymbol&)> conv = [&](const OutlineSymbol& s) -> json {
        json j = {{"name", s.name},
                  {"kind", symbolKindNumber(s.category)},
                  {"range", toJson(toRange(*a.source, s.range, enc))},
                  {"selectionRange", toJson(toRange(*a.source, s.selection, enc))}};
        if (!s.detail.empty()) j["detail"] = s.detail;
        if (!s.children.empty()) {
          json kids = json::array();
          for (const auto& c : s.children) kids.push_back(conv(c));
          j["children"] = std::move(kids);
        }
        return j;
      };
      json out = json::array();
      for (const auto& s : documentSymbols(a)) out.push_back(conv(s));
      return out;
    });
  } else if (method == "textDocument/semanticTokens/full") {
    documentRequest(id, params, {{"data", json::array()}}, [=](const DocumentAnalysis& a) -> json {
      std::vector<uint32_t> data;
      Position prev{0, 0};
      for (const SemanticToken& t : semanticTokens(a)) {
        Position p = toPosition(*a.source, t.range.begin, enc);
        std::string_view text = a.source->text().substr(t.range.begin, t.range.end - t.range.begin);
        uint32_t len = enc == PositionEncoding::Utf8 ? static_cast<uint32_t>(text.size()) : utf16Length(text);
        data.push_back(p.line - prev.line);
        data.push_back(p.line == prev.line ? p.character - prev.character : p.character);
        data.push_back(len);
        data.push_back(static_cast<uint32_t>(t.type));
        data.push_back(t.modifiers);
        prev = p;
      }
      return {{"data", data}};
    });
  } else if (method == "textDocument/inlayHint") {
    documentRequest(id, params, json::array(), [=](const DocumentAnalysis& a) -> json {
      SourceRange r{0, static_cast<uint32_t>(a.source->text().size())};
      if (const json* jr = member(params, "range"))
        if (auto lr = parseRange(*jr)) r = {toOffset(*a.source, lr->start, enc), toOffset(*a.source, lr->end, enc)};
      json out = json::array();
      for (const InlayHintInfo& h : inlayHints(a, r))
        out.push_back({{"position", toJson(toPosition(*a.source, h.offset, enc))}, {"label", h.label}, {"kind", 1}});
      return out;
    });
  } else if (method == "textDocument/codeLens") {
    documentRequest(id, params, json::array(), [=](const DocumentAnalysis& a) -> json {
      json out = json::array();
      for (const CodeLensInfo& l : codeLenses(a))
        out.push_back({{"range", toJson(toRange(*a.source, l.range, enc))}, {"command", {{"title", l.title}, {"command", ""}}}});
      return out;
    });
  } else if (method == "textDocument/codeAction") {
    documentRequest(id, params, json::array(), [=, this](const DocumentAnalysis& a) { return codeActionsJson(a, params); });
  } else if (method == "textDocument/diagnostic") {
    documentRequest(id, params, {{"kind", "full"}, {"items", json::array()}}, [=, this](const DocumentAnalysis& a) -> json {
      return {{"kind", "full"}, {"resultId", std::to_string(a.version)}, {"items", diagnosticsJson(a)}};
    });
  } else if (method == "workspace/executeCommand") {
    auto cmd = stringAt(params, "command");
    if (cmd && *cmd == "molt.build") {
      build(id, params);
    } else {
      replyError(id, ErrorCode::InvalidParams, "unknown command `" + cmd.value_or("") + "`");
    }
  } else {
    replyError(id, ErrorCode::MethodNotFound, "method `" + method + "` is not supported");
  }
}

void LanguageServer::build(const json& id, const json& params) {
  const json* args = member(params, "arguments");
  json arg = args && args->is_array() && !args->empty() ? (*args)[0] : json::object();
  auto uri = stringAt(arg, "uri");
  std::string target = stringAt(arg, "target").value_or("native");
  if (!uri) {
    replyError(id, ErrorCode::InvalidParams, "molt.build needs arguments [{uri, target}]");
    return;
  }
  if (target != "native" && target != "wasm") {
    replyError(id, ErrorCode::InvalidParams, "unknown build target `" + target + "` (expected native or wasm)");
    return;
  }
  std::string path = uriToPath(*uri);
  std::error_code ec;
  if (!uri->starts_with("file://") || !std::filesystem::is_regular_file(path, ec)) {
    replyError(id, ErrorCode::RequestFailed, "molt build needs a file on disk; save `" + path + "` first");
    return;
  }
  const json* token = member(params, "workDoneToken");
  json tok = token && validId(*token) ? *token : json(nullptr);
  std::string out = stringAt(arg, "output").value_or("");  // optional artifact path
  // Builds take seconds (LLVM, lld): run them beside the analysis worker.
  builds_.emplace_back([this, id, path, out, tok, target] {
    if (!tok.is_null())
      send(makeNotification("$/progress", {{"token", tok}, {"value", {{"kind", "begin"}, {"title", "molt build"}, {"message", path}}}}));
    BuildResult r = runMoltBuild(findMoltExecutable(), path, out, target);
    if (!tok.is_null())
      send(makeNotification("$/progress", {{"token", tok}, {"value", {{"kind", "end"}, {"message", r.ok ? "built " + r.artifact : r.error}}}}));
    if (r.ok) {
      reply(id, {{"path", r.artifact}, {"uri", pathToUri(r.artifact)}, {"log", r.output}});
    } else {
      json err = makeError(id, ErrorCode::RequestFailed, r.error);
      err["error"]["data"] = {{"log", r.output}};
      send(err);
    }
  });
}

void LanguageServer::documentRequest(const json& id, const json& params, json empty, Compute compute) {
  auto uri = docUri(params);
  if (!uri) {
    replyError(id, ErrorCode::InvalidParams, "missing `textDocument.uri`");
    return;
  }
  {
    std::lock_guard lock(state_mutex_);
    pending_.insert(dump(id));
  }
  scheduler_.post([this, id, uri = *uri, empty = std::move(empty), compute = std::move(compute)] {
    if (takeCancelled(id)) {
      replyError(id, ErrorCode::RequestCancelled, "request cancelled");
      return;
    }
    auto a = ensureAnalysis(uri);
    reply(id, a ? compute(*a) : empty);
  });
}

json LanguageServer::initialize(const json& params) {
  const json* caps = member(params, "capabilities");
  static const json kEmpty = json::object();
  const json& c = caps ? *caps : kEmpty;
  encoding_ = negotiateEncoding(c);
  if (const json* td = member(c, "textDocument")) client_pulls_diagnostics_ = member(*td, "diagnostic") != nullptr;
  if (const json* ws = member(c, "workspace")) {
    if (const json* cfg = member(*ws, "configuration")) client_configuration_ = cfg->is_boolean() && cfg->get<bool>();
    if (const json* dg = member(*ws, "diagnostics"))
      if (const json* r = member(*dg, "refreshSupport")) client_diagnostic_refresh_ = r->is_boolean() && r->get<bool>();
  }
  if (auto t = stringAt(params, "trace")) trace_ = *t;

  std::string root;
  if (auto r = stringAt(params, "rootUri")) root = uriToPath(*r);
  else if (auto rp = stringAt(params, "rootPath")) root = *rp;
  if (root.empty())
    if (const json* wf = member(params, "workspaceFolders"); wf && wf->is_array() && !wf->empty())
      if (auto u = stringAt((*wf)[0], "uri")) root = uriToPath(*u);
  root_dir_ = root;
  {
    std::lock_guard lock(state_mutex_);
    loadPyproject(root_dir_, settings_);
    if (const json* io = member(params, "initializationOptions")) applyClientSettings(*io, settings_);
  }

  json legend = {{"tokenTypes", kTokenTypes}, {"tokenModifiers", kTokenModifiers}};
  json capabilities = {
      {"positionEncoding", encodingName(encoding_)},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"documentSymbolProvider", true},
      {"semanticTokensProvider", {{"legend", legend}, {"full", true}, {"range", false}}},
      {"inlayHintProvider", true},
      {"codeLensProvider", {{"resolveProvider", false}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.molt"}}, {"resolveProvider", false}}},
      {"executeCommandProvider", {{"commands", {"molt.build"}}}},
  };
  if (client_pulls_diagnostics_)
    capabilities["diagnosticProvider"] = {{"identifier", "molt"}, {"interFileDependencies", false}, {"workspaceDiagnostics", false}};
  return {{"capabilities", capabilities}, {"serverInfo", {{"name", "molt-lsp"}, {"version", kVersion}}}};
}

// ----------------------------------------------------------- notifications

void LanguageServer::handleNotification(const std::string& method, const json& params) {
  if (method == "exit") {
    exit_ = true;
    return;
  }
  if (!initialized_) return;  // notifications before initialize are dropped
  if (method == "initialized") {
    if (client_configuration_) requestConfiguration();
  } else if (method == "textDocument/didOpen") {
    didOpen(params);
  } else if (method == "textDocument/didChange") {
    didChange(params);
  } else if (method == "textDocument/didClose") {
    didClose(params);
  } else if (method == "textDocument/didSave") {
    if (auto uri = docUri(params); uri && !client_pulls_diagnostics_) scheduler_.scheduleAnalysis(*uri, std::chrono::milliseconds(0));
  } else if (method == "workspace/didChangeConfiguration") {
    didChangeConfiguration(params);
  } else if (method == "$/setTrace") {
    if (auto v = stringAt(params, "value"); v && (*v == "off" || *v == "messages" || *v == "verbose")) trace_ = *v;
  } else if (method == "$/cancelRequest") {
    const json* id = member(params, "id");
    if (id && validId(*id)) {
      std::lock_guard lock(state_mutex_);
      std::string key = dump(*id);
      if (pending_.count(key)) cancelled_.insert(key);
    }
  } else if (!method.starts_with("$/")) {
    log(4, "ignored notification `" + method + "`");
  }
}

void LanguageServer::didOpen(const json& params) {
  const json* td = member(params, "textDocument");
  auto uri = td ? stringAt(*td, "uri") : std::nullopt;
  auto text = td ? stringAt(*td, "text") : std::nullopt;
  if (!uri || !text) {
    log(1, "didOpen without textDocument.uri/text");
    return;
  }
  const json* v = member(*td, "version");
  int64_t version = v && v->is_number_integer() ? v->get<int64_t>() : 0;
  {
    std::lock_guard lock(state_mutex_);
    docs_.erase(*uri);
    docs_.emplace(*uri, OpenDocument{Document(*uri, version, std::move(*text)), nullptr, 0, 0, -1, false});
  }
  if (!client_pulls_diagnostics_) scheduler_.scheduleAnalysis(*uri, std::chrono::milliseconds(0));
}

void LanguageServer::didChange(const json& params) {
  auto uri = docUri(params);
  const json* changes = member(params, "contentChanges");
  if (!uri || !changes || !changes->is_array()) {
    log(1, "didChange without textDocument.uri/contentChanges");
    return;
  }
  std::vector<ContentChange> parsed;
  for (const json& c : *changes) {
    auto text = stringAt(c, "text");
    if (!text) continue;
    ContentChange cc{std::nullopt, std::move(*text)};
    if (const json* r = member(c, "range")) {
      cc.range = parseRange(*r);
      if (!cc.range) continue;  // malformed range: skip that change rather than clobber the text
    }
    parsed.push_back(std::move(cc));
  }
  const json* td = member(params, "textDocument");
  const json* v = td ? member(*td, "version") : nullptr;
  bool on_type;
  std::chrono::milliseconds debounce;
  {
    std::lock_guard lock(state_mutex_);
    auto it = docs_.find(*uri);
    if (it == docs_.end()) {
      log(2, "didChange for a document that is not open: " + *uri);
      return;
    }
    int64_t version = v && v->is_number_integer() ? v->get<int64_t>() : it->second.doc.version() + 1;
    it->second.doc.applyChanges(parsed, version, encoding_.load());
    it->second.changed_at = std::chrono::steady_clock::now();
    on_type = settings_.check_on_type;
    debounce = debounceFor(it->second.last_analysis_ms);
  }
  if (on_type && !client_pulls_diagnostics_) scheduler_.scheduleAnalysis(*uri, debounce);
}

void LanguageServer::didClose(const json& params) {
  auto uri = docUri(params);
  if (!uri) return;
  bool had;
  {
    std::lock_guard lock(state_mutex_);
    had = docs_.erase(*uri) > 0;
  }
  scheduler_.cancelAnalysis(*uri);
  if (had && !client_pulls_diagnostics_)
    send(makeNotification("textDocument/publishDiagnostics", {{"uri", *uri}, {"diagnostics", json::array()}}));
}

void LanguageServer::didChangeConfiguration(const json& params) {
  const json* s = member(params, "settings");
  if (s && s->is_object() && !s->empty()) {
    std::lock_guard lock(state_mutex_);
    applyClientSettings(*s, settings_);
    ++settings_generation_;
  } else if (client_configuration_) {
    requestConfiguration();  // pull model: the notification carries no settings
    return;
  }
  reanalyzeAll();
}

void LanguageServer::requestConfiguration() {
  std::string id = "molt-configuration-" + std::to_string(next_request_id_++);
  config_requests_.insert(id);
  send({{"jsonrpc", "2.0"}, {"id", id}, {"method", "workspace/configuration"},
        {"params", {{"items", json::array({{{"section", "molt"}}})}}}});
}

void LanguageServer::reanalyzeAll() {
  if (client_pulls_diagnostics_) {
    // Settings changed what the diagnostics would be: ask the client to pull again.
    if (client_diagnostic_refresh_)
      send({{"jsonrpc", "2.0"}, {"id", "molt-refresh-" + std::to_string(next_request_id_++)},
            {"method", "workspace/diagnostic/refresh"}});
    return;
  }
  std::vector<std::string> uris;
  {
    std::lock_guard lock(state_mutex_);
    for (const auto& [uri, d] : docs_) uris.push_back(uri);
  }
  for (const auto& u : uris) scheduler_.scheduleAnalysis(u, std::chrono::milliseconds(0));
}

// Adaptive debounce: wait at most `molt.debounceMs`, and no longer than twice
// what the document's latest analysis took. The debounce exists so that a
// burst of keystrokes does not queue analyses faster than they finish; when
// an analysis costs a few milliseconds (the chunked path) waiting 50 ms would
// only add latency, while a slow analysis (a whole-file parse after a syntax
// error in a big file) still gets the full quiet time.
std::chrono::milliseconds LanguageServer::debounceFor(double last_analysis_ms) const {
  int ms = settings_.debounce_ms;
  if (last_analysis_ms >= 0) ms = std::min(ms, static_cast<int>(std::ceil(2 * last_analysis_ms)));
  return std::chrono::milliseconds(ms);
}

// ------------------------------------------------------ analysis (worker)

std::shared_ptr<const DocumentAnalysis> LanguageServer::ensureAnalysis(const std::string& uri) {
  std::string text;
  int64_t version;
  uint64_t edits, generation;
  TreePtr tree;
  std::shared_ptr<const ChunkedModule> chunks, new_chunks;
  AnalyzeOptions opts;
  {
    std::lock_guard lock(state_mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return nullptr;
    OpenDocument& d = it->second;
    if (d.latest && d.latest_edit_count == d.doc.editCount() && d.latest_settings == settings_generation_)
      return d.latest;
    text = d.doc.text();
    version = d.doc.version();
    edits = d.doc.editCount();
    generation = settings_generation_;
    tree = d.doc.treeCopy();
    chunks = d.doc.chunks();
    opts.ignore_codes = settings_.ignoreCodes();
    opts.analysis.suggestions = settings_.suggestions;
    opts.analysis.prefer_pipe_optional = settings_.prefer_pipe_optional;
    opts.analysis.parallel = true;
  }
  TreePtr parsed;
  std::chrono::steady_clock::time_point changed_at;
  {
    std::lock_guard lock(state_mutex_);
    auto it = docs_.find(uri);
    if (it != docs_.end()) changed_at = it->second.changed_at;
  }
  auto a = analyzeDocument(uri, version, std::move(text), tree.get(), opts, &parsed, chunks.get(), &new_chunks);
  bool publish = false;
  // The analysis this one replaces: freed after publishing (tearing down a
  // big module's tables takes a while and nobody waits for it).
  std::shared_ptr<const DocumentAnalysis> retired;
  {
    std::lock_guard lock(state_mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return a;
    OpenDocument& d = it->second;
    d.doc.storeTree(std::move(parsed), edits);
    d.doc.storeChunks(std::move(new_chunks), edits);
    d.last_analysis_ms = a->parse_ms + a->check_ms;
    if (d.doc.editCount() == edits) {  // still current: cache it, and publish unless already done
      retired = std::move(d.latest);
      d.latest = a;
      d.latest_edit_count = edits;
      d.latest_settings = generation;
      publish = !client_pulls_diagnostics_;
      d.published = true;
      d.published_version = version;
    }
  }
  if (timing_) {
    double since = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - changed_at).count();
    std::fprintf(stderr, "molt-lsp: analysed %s v%lld: parse %.2f ms (%s), check %.2f ms, %.2f ms since the change arrived\n",
                 uri.c_str(), static_cast<long long>(version), a->parse_ms, a->chunked ? (a->incremental ? "changed chunks" : "all chunks") : a->incremental ? "incremental" : "fresh",
                 a->check_ms, since);
  }
  if (publish) {
    scheduler_.cancelAnalysis(uri);
    send(makeNotification("textDocument/publishDiagnostics",
                          {{"uri", uri}, {"version", version}, {"diagnostics", diagnosticsJson(*a)}}));
  }
  scheduler_.retire(std::move(retired));
  scheduler_.retire(std::move(chunks));  // the model the update started from
  return a;
}

void LanguageServer::analyzeAndPublish(const std::string& uri) { (void)ensureAnalysis(uri); }

json LanguageServer::diagnosticJson(const DocumentAnalysis& a, const Diagnostic& d) const {
  PositionEncoding enc = encoding_.load();
  json j = {{"range", toJson(toRange(*a.source, d.range, enc))},
            {"severity", severityNumber(d.severity())},
            {"code", d.code()},
            {"source", "molt"},
            {"message", d.message}};
  if (!d.related.empty()) {
    json rel = json::array();
    for (const RelatedInfo& r : d.related)
      rel.push_back({{"location", {{"uri", a.uri}, {"range", toJson(toRange(*a.source, r.range, enc))}}}, {"message", r.message}});
    j["relatedInformation"] = std::move(rel);
  }
  json data = json::object();
  if (!d.help.empty()) data["help"] = d.help;
  if (!d.fixes.empty()) {
    json fixes = json::array();
    for (const Fix& f : d.fixes) fixes.push_back(f.title);
    data["fixes"] = std::move(fixes);
  }
  if (!data.empty()) j["data"] = std::move(data);
  return j;
}

json LanguageServer::diagnosticsJson(const DocumentAnalysis& a) const {
  json out = json::array();
  for (const Diagnostic& d : a.diagnostics) out.push_back(diagnosticJson(a, d));
  return out;
}

json LanguageServer::workspaceEdit(const DocumentAnalysis& a, const std::vector<TextEdit>& edits) const {
  json list = json::array();
  for (const TextEdit& e : edits)
    list.push_back({{"range", toJson(toRange(*a.source, e.range, encoding_.load()))}, {"newText", e.replacement}});
  return {{"changes", {{a.uri, list}}}};
}

json LanguageServer::codeActionsJson(const DocumentAnalysis& a, const json& params) const {
  PositionEncoding enc = encoding_.load();
  SourceRange r{0, 0};
  if (const json* jr = member(params, "range"))
    if (auto lr = parseRange(*jr)) r = {toOffset(*a.source, lr->start, enc), toOffset(*a.source, lr->end, enc)};
  bool want_quickfix = true, want_fix_all = false;
  if (const json* ctx = member(params, "context")) {
    if (const json* only = member(*ctx, "only"); only && only->is_array()) {
      want_quickfix = false;
      for (const json& k : *only) {
        if (!k.is_string()) continue;
        std::string s = k.get<std::string>();
        if (s == "quickfix") want_quickfix = true;
        if (s == "source" || s == "source.fixAll" || s == "source.fixAll.molt") want_fix_all = true;
      }
    }
  }
  json out = json::array();
  auto emit = [&](const CodeActionInfo& act) {
    json diags = json::array();
    for (size_t i : act.diagnostics) diags.push_back(diagnosticJson(a, a.diagnostics[i]));
    json j = {{"title", act.title},
              {"kind", act.kind == ActionKind::QuickFix ? "quickfix" : "source.fixAll.molt"},
              {"diagnostics", diags},
              {"edit", workspaceEdit(a, act.edits)}};
    if (act.preferred) j["isPreferred"] = true;
    out.push_back(std::move(j));
  };
  if (want_quickfix)
    for (const CodeActionInfo& act : codeActions(a, r)) emit(act);
  if (want_fix_all)
    if (auto all = fixAllAction(a)) emit(*all);
  return out;
}

}  // namespace molt::lsp
