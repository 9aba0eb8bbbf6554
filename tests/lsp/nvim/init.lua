-- Drives copydesk's language server from Neovim's own LSP client, headless, and writes what the
-- user would see to a JSON file: the diagnostics, the quick fixes offered, and the text after one.
-- Works with Neovim 0.7 (Debian's) and later: start_client + buf_attach_client, not vim.lsp.start.
local node, bin, file, out = os.getenv('COPYDESK_NODE'), os.getenv('COPYDESK_BIN'), os.getenv('COPYDESK_FILE'), os.getenv('COPYDESK_OUT')
local result = {}

local function finish()
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

local function shown(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, {lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, source = d.source, message = d.message})
  end
  return list
end

local function has_code(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return d end
  end
  return nil
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'copydesk',
    cmd = {node, bin, 'lsp', '--stdio'},
    root_dir = vim.fn.fnamemodify(file, ':h'),
    flags = {debounce_text_changes = 20},
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  result.arrived = vim.wait(20000, function() return has_code(bufnr, 'loaded-wording') ~= nil end, 20)
  result.first = shown(bufnr)
  if not result.arrived then return end

  -- The light bulb: ask for the quick fixes at the flagged word and take the first.
  local flagged = has_code(bufnr, 'loaded-wording')
  local params = {
    textDocument = {uri = vim.uri_from_bufnr(bufnr)},
    -- The whole line: Neovim keeps byte columns, the protocol counts UTF-16 units.
    range = {start = {line = flagged.lnum, character = 0}, ['end'] = {line = flagged.lnum + 1, character = 0}},
    context = {diagnostics = {}},
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
  result.actions = {}
  local chosen
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if not chosen and action.edit then chosen = action end
    end
  end
  if chosen then
    vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
    result.fixed = vim.wait(20000, function() return has_code(bufnr, 'loaded-wording') == nil end, 20)
  end
  result.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  result.after = shown(bufnr)
end)

if not ok then result.error = tostring(err) end
finish()
