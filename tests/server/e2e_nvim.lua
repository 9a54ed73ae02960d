-- End-to-end test of molt-lsp with Neovim's built-in LSP client (0.7+):
-- open a file, receive the diagnostic, request the code action, apply it
-- (Neovim sends the change as an incremental didChange), see it clear.
-- Run: MOLT_LSP=path/to/molt-lsp nvim --headless --clean -c 'luafile e2e_nvim.lua'
-- Exits 0 on success, 1 (cquit) with a FAIL line on stderr otherwise.
local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local ok_all, err = pcall(function()
  local server = os.getenv('MOLT_LSP')
  if not server or vim.fn.executable(server) ~= 1 then return fail('MOLT_LSP is not an executable: ' .. tostring(server)) end
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  local path = dir .. '/example.py'
  vim.fn.writefile({ "label = 'café'", '', 'def f(x: int) -> int:', "    return x + 'a'" }, path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()

  local latest = nil
  local client_id = vim.lsp.start_client({
    name = 'molt',
    cmd = { server },
    root_dir = dir,
    init_options = { debounceMs = 5 },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        latest = result
        return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
      end,
    },
  })
  if not client_id then return fail('could not start molt-lsp') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(10000, function() return latest ~= nil and #latest.diagnostics > 0 end, 10) then
    return fail('no diagnostics received')
  end
  local d = latest.diagnostics[1]
  if d.code ~= 'unsupported-operator' or d.range.start.line ~= 3 then
    return fail('unexpected diagnostic: ' .. vim.inspect(d))
  end
  print('received: ' .. d.code)

  local client = vim.lsp.get_client_by_id(client_id)
  local resp = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = d.range,
    context = { diagnostics = { d } },
  }, 5000, bufnr)
  if not resp or resp.err or not resp.result then return fail('codeAction failed: ' .. vim.inspect(resp)) end
  local action = nil
  for _, a in ipairs(resp.result) do
    if a.title:find('Ignore', 1, true) then action = a end
  end
  if not action then return fail('no ignore quick fix: ' .. vim.inspect(resp.result)) end
  latest = nil
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
  local line = vim.api.nvim_buf_get_lines(bufnr, 3, 4, false)[1]
  if line ~= "    return x + 'a'  # molt: ignore[unsupported-operator]" then return fail('edit not applied: ' .. line) end
  print('applied')

  if not vim.wait(10000, function() return latest ~= nil and #latest.diagnostics == 0 end, 10) then
    return fail('diagnostic did not clear: ' .. vim.inspect(latest))
  end
  print('cleared')

  local hover = client.request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 0, character = 1 } }, 5000, bufnr)
  if not hover or not hover.result or not hover.result.contents.value:find('label: str', 1, true) then
    return fail('hover: ' .. vim.inspect(hover))
  end
  client.stop()
  vim.wait(2000, function() return client.is_stopped() end, 10)
  io.stdout:write('PASS: neovim end-to-end\n')
  vim.cmd('qall!')
end)
if not ok_all then fail(tostring(err)) end
