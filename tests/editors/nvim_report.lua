-- Test harness for tests/test_editors.py (not configuration): wait until the
-- current buffer has diagnostics, print one line per diagnostic to stdout
--   DIAG <line>:<col> <code> <message>      (1-based line and column)
-- and quit; exit status 0 when diagnostics arrived, 1 on timeout.
local timeout = tonumber(vim.env.POOLTRACK_WAIT_MS or "30000")
local buf = vim.api.nvim_get_current_buf()
local out = io.stdout
-- vim.lsp.get_clients is Neovim 0.10+, the older names are deprecated there
local function clients(filter)
  if vim.lsp.get_clients then return vim.lsp.get_clients(filter) end
  if filter then return vim.tbl_values(vim.lsp.buf_get_clients(filter.bufnr)) end
  return vim.lsp.get_active_clients()
end

local ok = vim.wait(timeout, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)

out:write(string.format("FILETYPE %s CLIENTS %d\n", vim.bo[buf].filetype,
  #clients({ bufnr = buf })))
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  out:write(string.format("DIAG %d:%d %s %s\n", d.lnum + 1, d.col + 1, tostring(code),
    (d.message:gsub("\n", " "))))
end
if not ok then out:write("TIMEOUT waiting for diagnostics\n") end
out:flush()

-- shut the server down politely, then leave
local all = clients()
vim.lsp.stop_client(all)
vim.wait(2000, function()
  for _, c in ipairs(all) do
    if not c.is_stopped(c) then return false end       -- 0.7 closure, 0.11 method
  end
  return true
end, 50)
vim.cmd(ok and "qall!" or "cquit!")
