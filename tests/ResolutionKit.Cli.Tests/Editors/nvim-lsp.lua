-- Attaches Neovim's built-in LSP client to `reskit lsp`, waits for the findings of the open buffer, applies the quick
-- fix of one finding the way a user picking it from the code-action menu would, saves, and writes what the editor saw
-- to a JSON file. Run headless: nvim --headless -u NONE -c "luafile nvim-lsp.lua" <file>
-- Environment: RESKIT_DLL (path of reskit.dll), RESKIT_RULE (the finding to fix), RESKIT_OUT (the report).
local out = {}
local rule = os.getenv("RESKIT_RULE")

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, { code = code, line = d.lnum, col = d.col, message = d.message })
  end
  return list
end

local function has(bufnr, code)
  for _, d in ipairs(codes(bufnr)) do
    if d.code == code then return d end
  end
  return nil
end

local function finish()
  local f = io.open(os.getenv("RESKIT_OUT"), "w")
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd("qall!")
end

local bufnr = vim.api.nvim_get_current_buf()
local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":p:h")
local client_id = vim.lsp.start_client({
  name = "reskit",
  cmd = { "dotnet", os.getenv("RESKIT_DLL"), "lsp", "--stdio" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "corpus" } },
})
vim.lsp.buf_attach_client(bufnr, client_id)

out.attached = vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 100)
out.opened = codes(bufnr)
local target = has(bufnr, rule)
if not target then
  out.error = "no " .. tostring(rule) .. " finding"
  return finish()
end

local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = target.line, character = target.col }, ["end"] = { line = target.line, character = target.col } },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 30000) or {}
local chosen = nil
out.actions = {}
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    table.insert(out.actions, action.title)
    if not chosen and string.find(action.title, rule, 1, true) then chosen = action end
  end
end

if not chosen then
  out.error = "no code action for " .. rule
  return finish()
end

vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
vim.cmd("silent write")
out.cleared = vim.wait(60000, function() return has(bufnr, rule) == nil end, 100)
out.after = codes(bufnr)
vim.lsp.stop_client(client_id)
finish()
