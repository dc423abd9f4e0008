-- How to: PATH="$PWD/target/debug:$PATH" nvim --headless -u NONE -c "luafile editors/try-neovim.lua" examples/invalid/ps-slot-dates.json
--
-- Runs editors/neovim.lua (the README's snippet) in a headless Neovim on the
-- opened file, waits for the server's diagnostics and prints them, then the
-- quick fixes offered on the first line that has one. Debian 12's Neovim is
-- 0.7.2, which predates `vim.lsp.start` and `vim.fs` (0.8): on it both are
-- provided here from the 0.7 API, so the snippet itself runs unchanged.
local out = function(s) io.stdout:write(s .. "\n") end

if not vim.fs then
  vim.fs = {
    dirname = function(p) return p and vim.fn.fnamemodify(p, ":h") or nil end,
    find = function(names, opts)
      for _, name in ipairs(names) do
        local f = vim.fn.findfile(name, opts.path .. ";")
        if f == "" then f = vim.fn.finddir(name, opts.path .. ";") end
        if f ~= "" then return { vim.fn.fnamemodify(f, ":p") } end
      end
      return {}
    end,
  }
end
if not vim.lsp.start then
  vim.lsp.start = function(config)
    local id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, id)
    return id
  end
end

local here = debug.getinfo(1, "S").source:sub(2)
dofile(vim.fn.fnamemodify(here, ":h") .. "/neovim.lua")

local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
if not ok then
  out("no diagnostics within 30 s")
  vim.cmd("qa!")
end
out("Neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
  .. "." .. tostring(vim.version().patch) .. ", " .. #vim.diagnostic.get(0) .. " diagnostics:")
local diags = vim.diagnostic.get(0)
table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
local severities = { "error", "warning", "information", "hint" }
local fixable = {}
for _, d in ipairs(diags) do
  local lsp = d.user_data and d.user_data.lsp or {}
  local code = d.code or lsp.code or ""
  out(string.format("%d:%d %s %s %s", d.lnum + 1, d.col + 1, severities[d.severity] or "?",
    code, (d.message:match("[^\n]*"))))
  if code == "RO1-SLOT-004" or code == "RO1-BUNDLE-009" then fixable[#fixable + 1] = d.lnum end
end

-- The quick fixes of each line with a fixable finding, asked as
-- `vim.lsp.buf.code_action()` asks them (the line's diagnostics in LSP form,
-- `data` included).
local seen = {}
for _, lnum in ipairs(fixable) do
  if not seen[lnum] then
    seen[lnum] = true
    local line = vim.lsp.diagnostic.get_line_diagnostics(0, lnum)
    local params = vim.lsp.util.make_range_params()
    params.range = line[1].range
    params.context = { diagnostics = line }
    local res = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}
    for _, r in pairs(res) do
      for _, a in ipairs(r.result or {}) do
        local e = a.edit.changes[params.textDocument.uri][1]
        out(string.format("code action on line %d: %s (edit %d:%d-%d:%d)", lnum + 1, a.title,
          e.range.start.line + 1, e.range.start.character + 1, e.range["end"].line + 1,
          e.range["end"].character + 1))
      end
    end
  end
end
vim.cmd("qa!")
