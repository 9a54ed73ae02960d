// The language server proper: the LSP lifecycle, the binder that turns
// JSON-RPC params into typed values, and the glue between documents, the
// scheduler and the feature API. The I/O thread runs run(): it reads
// messages, applies text edits (cheap) and hands analysis and feature work
// to the scheduler's worker, which replies through the (thread-safe)
// transport. Nothing below this layer sees JSON.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/document.h"
#include "server/protocol.h"
#include "server/scheduler.h"
#include "server/settings.h"
#include "server/transport.h"

namespace molt::lsp {

struct ServerOptions {
  bool log_to_stderr = true;
};

class LanguageServer {
 public:
  // `transport` must outlive the server.
  explicit LanguageServer(Transport& transport, ServerOptions options = {});
  ~LanguageServer();

  // Serves until `exit` or end of input. Returns the process exit code: 0
  // after shutdown + exit, 1 otherwise (as LSP prescribes).
  int run();
  // Handles one message body (what run() does per frame); for tests.
  void handleBody(const std::string& body);

  // For tests: runs `task` on the analysis worker (e.g. to hold it busy).
  void postToWorker(std::function<void()> task) { scheduler_.post(std::move(task)); }

 private:
  struct OpenDocument {
    Document doc;
    std::shared_ptr<const DocumentAnalysis> latest;
    uint64_t latest_edit_count = 0;
    uint64_t latest_settings = 0;
    int64_t published_version = -1;
    bool published = false;
    double last_analysis_ms = -1;  // parse + check time of the latest analysis; -1 before the first
    std::chrono::steady_clock::time_point changed_at = std::chrono::steady_clock::now();  // for MOLT_LSP_TIMING
  };

  void handleMessage(const json& msg);
  void handleRequest(const json& id, const std::string& method, const json& params);
  void handleNotification(const std::string& method, const json& params);
  void handleResponse(const json& msg);

  json initialize(const json& params);
  void didOpen(const json& params);
  void didChange(const json& params);
  void didClose(const json& params);
  void didChangeConfiguration(const json& params);
  void requestConfiguration();
  void reanalyzeAll();
  // The debounce for an edit of a document whose latest analysis took
  // `last_analysis_ms` (state_mutex_ held).
  [[nodiscard]] std::chrono::milliseconds debounceFor(double last_analysis_ms) const;
  // workspace/executeCommand molt.build: `molt build` in a child process, on its own thread.
  void build(const json& id, const json& params);

  // Runs a document request on the worker with the analysis of the current
  // text; replies with `compute`'s result, or RequestCancelled.
  using Compute = std::function<json(const DocumentAnalysis&)>;
  void documentRequest(const json& id, const json& params, json empty, Compute compute);

  // Worker thread: the analysis for `uri`'s current text (cached per edit),
  // publishing diagnostics in push mode. Null when the document is not open.
  std::shared_ptr<const DocumentAnalysis> ensureAnalysis(const std::string& uri);
  void analyzeAndPublish(const std::string& uri);
  json diagnosticsJson(const DocumentAnalysis& a) const;
  json diagnosticJson(const DocumentAnalysis& a, const Diagnostic& d) const;
  json codeActionsJson(const DocumentAnalysis& a, const json& params) const;
  json workspaceEdit(const DocumentAnalysis& a, const std::vector<TextEdit>& edits) const;

  void send(const json& msg);
  void reply(const json& id, json result);
  void replyError(const json& id, ErrorCode code, std::string_view message);
  void log(int type, const std::string& text);  // window/logMessage (1 error .. 4 log)
  // Marks the request answered; true if it was cancelled meanwhile.
  bool takeCancelled(const json& id);

  Transport& transport_;
  ServerOptions options_;
  bool timing_;  // MOLT_LSP_TIMING set: log per-analysis timings to stderr

  // Lifecycle (I/O thread only).
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_ = false;
  bool client_pulls_diagnostics_ = false;
  bool client_configuration_ = false;
  bool client_diagnostic_refresh_ = false;  // workspace.diagnostics.refreshSupport
  std::string trace_ = "off";
  std::string root_dir_;
  int next_request_id_ = 1;
  std::set<std::string> config_requests_;

  // Set during initialize, read-only afterwards.
  std::atomic<PositionEncoding> encoding_{PositionEncoding::Utf16};

  // Shared between the I/O thread and the worker.
  mutable std::mutex state_mutex_;
  std::unordered_map<std::string, OpenDocument> docs_;
  ServerSettings settings_;
  uint64_t settings_generation_ = 1;
  std::set<std::string> pending_;    // document requests (dumped ids) not yet answered
  std::set<std::string> cancelled_;  // pending requests the client cancelled

  std::vector<std::thread> builds_;  // molt.build runs (I/O thread adds; joined at destruction)
  Scheduler scheduler_;  // last: its worker uses the members above
};

}  // namespace molt::lsp
