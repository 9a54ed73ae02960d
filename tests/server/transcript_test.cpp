// JSON-RPC transcript tests: a LanguageServer on its own thread behind an
// in-memory transport, driven message by message like a client would.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include <unistd.h>

#include "server/server.h"
#include "test_support.h"

using namespace molt;
using namespace molt::lsp;
using json = nlohmann::json;

namespace {

class Session {
 public:
  Session() : server_(transport_, ServerOptions{false}), thread_([this] { exit_code_ = server_.run(); }) {}
  ~Session() {
    if (!joined_) {
      transport_.close();
      thread_.join();
    }
  }

  void send(const json& msg) { transport_.pushMessage(msg.dump()); }
  void raw(std::string_view bytes) { transport_.push(bytes); }
  void request(int id, std::string_view method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void notify(std::string_view method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  // The first written message satisfying `pred` (waits up to 5 s); null on timeout.
  json waitFor(const std::function<bool(const json&)>& pred, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::string body = transport_.waitFor(
        [&](const std::string& b) {
          json j = json::parse(b, nullptr, false);
          return !j.is_discarded() && pred(j);
        },
        timeout);
    return body.empty() ? json(nullptr) : json::parse(body);
  }
  json response(const json& id) {
    return waitFor([&](const json& j) { return j.contains("id") && j["id"] == id && !j.contains("method"); });
  }
  json diagnostics(int64_t version) {
    return waitFor([&](const json& j) {
      return j.value("method", "") == "textDocument/publishDiagnostics" && j["params"].value("version", -1) == version;
    });
  }
  json initialize(json caps = json::object(), json options = {{"debounceMs", 5}}) {
    request(1, "initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", caps}, {"initializationOptions", options}});
    json r = response(1);
    notify("initialized");
    return r;
  }
  int finish() {
    transport_.close();
    thread_.join();
    joined_ = true;
    return exit_code_;
  }
  LanguageServer& server() { return server_; }
  std::vector<std::string> written() { return transport_.written(); }

 private:
  MemoryTransport transport_;
  LanguageServer server_;
  std::atomic<int> exit_code_{-1};
  std::thread thread_;
  bool joined_ = false;
};

constexpr const char* kUri = "file:///w/t.py";
const std::string kBad = "def f(x: int) -> int:\n    return x + 'a'\n";

json openParams(const std::string& text, int version = 1) {
  return {{"textDocument", {{"uri", kUri}, {"languageId", "python"}, {"version", version}, {"text", text}}}};
}

int errorCode(const json& r) { return r.is_object() && r.contains("error") ? r["error"].value("code", 0) : 0; }

}  // namespace

TEST_CASE("transcript: initialize, diagnostics, ignore quick fix, incremental edit, shutdown, exit") {
  MemoryTransport t;
  LanguageServer server(t, ServerOptions{false});
  std::future<int> code = std::async(std::launch::async, [&] { return server.run(); });
  auto send = [&](const json& j) { t.pushMessage(j.dump()); };
  auto wait = [&](const std::function<bool(const json&)>& pred) {
    std::string b = t.waitFor([&](const std::string& s) {
      json j = json::parse(s, nullptr, false);
      return !j.is_discarded() && pred(j);
    });
    return b.empty() ? json(nullptr) : json::parse(b);
  };

  send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
        {"params", {{"capabilities", json::object()}, {"initializationOptions", {{"debounceMs", 5}}}}}});
  json init = wait([](const json& j) { return j.value("id", 0) == 1; });
  REQUIRE(init.is_object());
  CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(init["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
  CHECK_FALSE(init["result"]["capabilities"].contains("diagnosticProvider"));  // push mode
  send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  send({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"}, {"params", openParams(kBad)}});

  json pub = wait([](const json& j) { return j.value("method", "") == "textDocument/publishDiagnostics"; });
  REQUIRE(pub.is_object());
  CHECK(pub["params"]["version"] == 1);
  REQUIRE(pub["params"]["diagnostics"].size() == 1);
  json d = pub["params"]["diagnostics"][0];
  CHECK(d["code"] == "unsupported-operator");
  CHECK(d["source"] == "molt");
  CHECK(d["severity"] == 1);
  CHECK(d["range"] == json::parse(R"({"start":{"line":1,"character":11},"end":{"line":1,"character":18}})"));

  send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/codeAction"},
        {"params", {{"textDocument", {{"uri", kUri}}}, {"range", d["range"]}, {"context", {{"diagnostics", {d}}}}}}});
  json actions = wait([](const json& j) { return j.value("id", 0) == 2; });
  REQUIRE(actions["result"].size() == 1);
  json act = actions["result"][0];
  CHECK(act["kind"] == "quickfix");
  CHECK(act["diagnostics"][0]["code"] == "unsupported-operator");
  json edit = act["edit"]["changes"][kUri][0];
  CHECK(edit["newText"] == "  # molt: ignore[unsupported-operator]");
  CHECK(edit["range"]["start"] == json::parse(R"({"line":1,"character":18})"));

  // Apply the edit the way an editor does: an incremental change.
  send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
        {"params", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                    {"contentChanges", {{{"range", edit["range"]}, {"text", edit["newText"]}}}}}}});
  json cleared = wait([](const json& j) {
    return j.value("method", "") == "textDocument/publishDiagnostics" && j["params"].value("version", 0) == 2;
  });
  REQUIRE(cleared.is_object());
  CHECK(cleared["params"]["diagnostics"].empty());

  send({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}});
  json down = wait([](const json& j) { return j.value("id", 0) == 3; });
  CHECK(down.contains("result"));
  CHECK(down["result"].is_null());
  send({{"jsonrpc", "2.0"}, {"id", 4}, {"method", "textDocument/hover"}, {"params", json::object()}});
  CHECK(errorCode(wait([](const json& j) { return j.value("id", 0) == 4; })) == -32600);  // after shutdown
  send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  REQUIRE(code.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
  CHECK(code.get() == 0);
}

TEST_CASE("transcript: exit without shutdown exits with 1") {
  Session s;
  s.initialize();
  s.notify("exit");
  CHECK(s.finish() == 1);
}

TEST_CASE("transcript: requests before initialize, malformed JSON and bad shapes") {
  Session s;
  s.request(5, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(errorCode(s.response(5)) == -32002);
  s.raw(lsp::frame("{\"jsonrpc\": \"2.0\", \"id\": 6, \"method\": "));  // truncated JSON
  json pe = s.waitFor([](const json& j) { return j.contains("error") && j["error"]["code"] == -32700; });
  REQUIRE(pe.is_object());
  CHECK(pe["id"].is_null());
  s.raw(lsp::frame("[1, 2]"));
  s.raw(lsp::frame(R"({"jsonrpc":"2.0","id":{"x":1},"method":"initialize"})"));
  s.raw(lsp::frame(R"({"jsonrpc":"2.0","id":9,"method":42})"));
  CHECK(errorCode(s.response(9)) == -32600);
  // Still serving: initialize works afterwards.
  json init = s.initialize();
  CHECK(init["result"]["serverInfo"]["name"] == "molt-lsp");
  int invalid = 0;
  for (const std::string& w : s.written())
    if (w.find("-32600") != std::string::npos) ++invalid;
  CHECK(invalid == 3);
}

TEST_CASE("transcript: a bad Content-Length is answered and the stream resynchronises") {
  Session s;
  s.raw("Content-Length: twelve\r\n\r\n{\"jsonrpc\":\"2.0\"}");
  json pe = s.waitFor([](const json& j) { return j.contains("error") && j["error"]["code"] == -32700; });
  REQUIRE(pe.is_object());
  CHECK(pe["error"]["message"].get<std::string>().find("Content-Length") != std::string::npos);
  json init = s.initialize();
  CHECK(init.contains("result"));
}

TEST_CASE("transcript: unknown methods, unknown commands and molt.build") {
  Session s;
  s.initialize();
  s.request(2, "textDocument/frobnicate");
  CHECK(errorCode(s.response(2)) == -32601);
  s.notify("textDocument/frobnicated");  // unknown notification: ignored, no reply
  s.request(3, "workspace/executeCommand", {{"command", "molt.build"}, {"arguments", json::array({{{"uri", "untitled:x"}, {"target", "native"}}})}});
  json b = s.response(3);
  CHECK(errorCode(b) == -32803);
  CHECK(b["error"]["message"] == "molt build needs a file on disk; save `untitled:x` first");
  s.request(6, "workspace/executeCommand", {{"command", "molt.build"}, {"arguments", json::array({{{"uri", "file:///x.py"}, {"target", "wasm"}}})}});
  CHECK(errorCode(s.response(6)) == -32803);
  s.request(7, "workspace/executeCommand", {{"command", "molt.build"}});
  CHECK(errorCode(s.response(7)) == -32602);
  s.request(4, "workspace/executeCommand", {{"command", "molt.nope"}});
  CHECK(errorCode(s.response(4)) == -32602);
  s.request(5, "initialize", {{"capabilities", json::object()}});
  CHECK(errorCode(s.response(5)) == -32600);
}

TEST_CASE("transcript: $/cancelRequest answers RequestCancelled") {
  Session s;
  s.initialize();
  s.notify("textDocument/didOpen", openParams("x = 1\n"));
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  s.server().postToWorker([released] { released.wait(); });  // hold the worker
  s.request(7, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  s.request(8, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  s.notify("$/cancelRequest", {{"id", 7}});
  s.notify("$/cancelRequest", {{"id", 99}});  // unknown id: ignored
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  release.set_value();
  json r7 = s.response(7);
  CHECK(errorCode(r7) == -32800);
  json r8 = s.response(8);
  REQUIRE(r8.contains("result"));
  CHECK(r8["result"]["contents"]["value"].get<std::string>().find("x: int") != std::string::npos);
}

TEST_CASE("transcript: pull diagnostics when the client advertises them, and no push") {
  Session s;
  json init = s.initialize({{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}},
                            {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}});
  CHECK(init["result"]["capabilities"].contains("diagnosticProvider"));
  s.notify("textDocument/didOpen", openParams(kBad));
  s.request(2, "textDocument/diagnostic", {{"textDocument", {{"uri", kUri}}}});
  json r = s.response(2);
  CHECK(r["result"]["kind"] == "full");
  REQUIRE(r["result"]["items"].size() == 1);
  CHECK(r["result"]["items"][0]["code"] == "unsupported-operator");
  // A settings change asks the client to pull again (it supports refresh).
  s.notify("workspace/didChangeConfiguration", {{"settings", {{"molt", {{"ignore", {"unsupported-operator"}}}}}}});
  json refresh = s.waitFor([](const json& j) { return j.value("method", "") == "workspace/diagnostic/refresh"; });
  REQUIRE(refresh.is_object());
  s.send({{"jsonrpc", "2.0"}, {"id", refresh["id"]}, {"result", nullptr}});
  s.request(3, "textDocument/diagnostic", {{"textDocument", {{"uri", kUri}}}});
  CHECK(s.response(3)["result"]["items"].empty());
  for (const std::string& w : s.written()) CHECK(w.find("publishDiagnostics") == std::string::npos);
}

TEST_CASE("transcript: utf-8 position encoding when offered") {
  Session s;
  json init = s.initialize({{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}});
  CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-8");
  s.notify("textDocument/didOpen", openParams("s = 'é😀' + 1\n"));
  json pub = s.diagnostics(1);
  REQUIRE(pub["params"]["diagnostics"].size() == 1);
  // `'é😀' + 1` spans bytes 4..16.
  CHECK(pub["params"]["diagnostics"][0]["range"]["start"]["character"] == 4);
  CHECK(pub["params"]["diagnostics"][0]["range"]["end"]["character"] == 16);  // UTF-16 says 13
}

TEST_CASE("transcript: utf-16 ranges on the same text") {
  Session s;
  s.initialize();
  s.notify("textDocument/didOpen", openParams("s = 'é😀' + 1\n"));
  json pub = s.diagnostics(1);
  REQUIRE(pub["params"]["diagnostics"].size() == 1);
  CHECK(pub["params"]["diagnostics"][0]["range"]["end"]["character"] == 13);
}

TEST_CASE("transcript: settings from didChangeConfiguration and workspace/configuration") {
  Session s;
  s.initialize({{"workspace", {{"configuration", true}}}});
  json req = s.waitFor([](const json& j) { return j.value("method", "") == "workspace/configuration"; });
  REQUIRE(req.is_object());
  CHECK(req["params"]["items"][0]["section"] == "molt");
  s.notify("textDocument/didOpen", openParams(kBad));
  CHECK(s.diagnostics(1)["params"]["diagnostics"].size() == 1);
  // The client answers the configuration request: ignore the code.
  s.send({{"jsonrpc", "2.0"}, {"id", req["id"]}, {"result", {{{"ignore", {"unsupported-operator"}}}}}});
  json none = s.waitFor([](const json& j) {
    return j.value("method", "") == "textDocument/publishDiagnostics" && j["params"]["diagnostics"].empty();
  });
  CHECK(none.is_object());
  // And back through didChangeConfiguration.
  s.notify("workspace/didChangeConfiguration", {{"settings", {{"molt", {{"ignore", json::array()}}}}}});
  json again = s.waitFor([](const json& j) {
    return j.value("method", "") == "textDocument/publishDiagnostics" && j["params"]["diagnostics"].size() == 1 &&
           j["params"]["version"] == 1;
  });
  // The first publish also matches; count them instead.
  int publishes = 0;
  for (int i = 0; i < 100 && publishes < 3; ++i) {
    publishes = 0;
    for (const std::string& w : s.written())
      if (w.find("publishDiagnostics") != std::string::npos) ++publishes;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(publishes == 3);
  (void)again;
}

TEST_CASE("transcript: features through JSON, closing clears diagnostics, $/setTrace logs") {
  Session s;
  s.initialize();
  s.notify("$/setTrace", {{"value", "messages"}});
  s.notify("textDocument/didOpen", openParams("def twice(n: int) -> int:\n    return n * 2\n\nx = twice(2)\n"));
  s.request(2, "textDocument/definition", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 3}, {"character", 5}}}});
  json def = s.response(2);
  CHECK(def["result"]["range"]["start"] == json::parse(R"({"line":0,"character":4})"));
  s.request(3, "textDocument/semanticTokens/full", {{"textDocument", {{"uri", kUri}}}});
  json toks = s.response(3);
  // twice(decl) n(decl) int int n x(decl) twice: 7 tokens x 5 ints; the first is `twice` at 0:4, length 5,
  // function, declaration.
  REQUIRE(toks["result"]["data"].size() == 35);
  CHECK(toks["result"]["data"][0] == 0);
  CHECK(toks["result"]["data"][1] == 4);
  CHECK(toks["result"]["data"][2] == 5);
  CHECK(toks["result"]["data"][3] == 2);
  CHECK(toks["result"]["data"][4] == 1);
  s.request(4, "textDocument/codeLens", {{"textDocument", {{"uri", kUri}}}});
  CHECK(s.response(4)["result"][0]["command"]["title"] == "compiles natively");
  s.request(5, "textDocument/inlayHint",
            {{"textDocument", {{"uri", kUri}}}, {"range", json::parse(R"({"start":{"line":0,"character":0},"end":{"line":9,"character":0}})")}});
  json hints = s.response(5);
  REQUIRE(hints["result"].size() == 1);
  CHECK(hints["result"][0]["label"] == ": int");
  s.request(6, "textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}});
  CHECK(s.response(6)["result"].size() == 2);
  s.request(7, "textDocument/hover", {{"textDocument", {{"uri", "file:///not/open.py"}}}, {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(s.response(7)["result"].is_null());
  s.notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  json cleared = s.waitFor([](const json& j) {
    return j.value("method", "") == "textDocument/publishDiagnostics" && !j["params"].contains("version");
  });
  CHECK(cleared["params"]["diagnostics"].empty());
  json trace = s.waitFor([](const json& j) { return j.value("method", "") == "$/logTrace"; });
  CHECK(trace["params"]["message"].get<std::string>().find("textDocument/didOpen") != std::string::npos);
}

TEST_CASE("transcript: [tool.molt] ignore in the workspace's pyproject.toml filters codes") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("molt-lsp-pyproject-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "pyproject.toml") << "[project]\nname = \"x\"\n\n[tool.molt]\nignore = [\"unsupported-operator\"]\n";
  Session s;
  s.request(1, "initialize", {{"rootUri", lsp::pathToUri(dir.string())}, {"capabilities", json::object()}});
  (void)s.response(1);
  s.notify("initialized");
  s.notify("textDocument/didOpen", openParams(kBad + "y: int = 'no'\n"));
  json pub = s.diagnostics(1);
  REQUIRE(pub["params"]["diagnostics"].size() == 1);
  CHECK(pub["params"]["diagnostics"][0]["code"] == "invalid-assignment");
  fs::remove_all(dir);
}

TEST_CASE("transcript: molt.build runs `molt build` and returns the artifact, with progress") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("molt-lsp-build-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "hello.py") << "print('hello')\n";
  std::ofstream(dir / "bad.py") << "def f(x: int) -> int:\n    return x + 'a'\n";
  ::setenv("MOLT_EXECUTABLE", MOLT_EXECUTABLE, 1);
  Session s;
  s.initialize();
  s.request(2, "workspace/executeCommand",
            {{"command", "molt.build"}, {"workDoneToken", "t1"},
             {"arguments", json::array({{{"uri", lsp::pathToUri((dir / "hello.py").string())}, {"target", "native"}}})}});
  json r = s.waitFor([](const json& j) { return j.value("id", 0) == 2; }, std::chrono::seconds(60));
  REQUIRE(r.contains("result"));
  CHECK(r["result"]["path"] == (dir / "hello").string());
  CHECK(r["result"]["uri"] == lsp::pathToUri((dir / "hello").string()));
  CHECK(fs::exists(dir / "hello"));
  json begin = s.waitFor([](const json& j) { return j.value("method", "") == "$/progress" && j["params"]["value"]["kind"] == "begin"; });
  CHECK(begin["params"]["token"] == "t1");
  s.request(3, "workspace/executeCommand",
            {{"command", "molt.build"}, {"arguments", json::array({{{"uri", lsp::pathToUri((dir / "bad.py").string())}}})}});
  json bad = s.waitFor([](const json& j) { return j.value("id", 0) == 3; }, std::chrono::seconds(60));
  CHECK(errorCode(bad) == -32803);
  CHECK(bad["error"]["data"]["log"].get<std::string>().find("unsupported-operator") != std::string::npos);
  // An explicit output path (what the VS Code extension may send).
  s.request(4, "workspace/executeCommand",
            {{"command", "molt.build"},
             {"arguments", json::array({{{"uri", lsp::pathToUri((dir / "hello.py").string())}, {"target", "native"},
                                         {"output", (dir / "greeter").string()}}})}});
  json named = s.waitFor([](const json& j) { return j.value("id", 0) == 4; }, std::chrono::seconds(60));
  REQUIRE(named.contains("result"));
  CHECK(named["result"]["path"] == (dir / "greeter").string());
  CHECK(fs::exists(dir / "greeter"));
  ::unsetenv("MOLT_EXECUTABLE");
  fs::remove_all(dir);
}
