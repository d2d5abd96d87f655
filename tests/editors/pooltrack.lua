-- Neovim: run `pooltrack lsp` for C and C++ buffers (Neovim 0.7 and later).
-- Load it from init.lua (`dofile("/path/to/pooltrack.lua")`) or copy it there.
-- tests/test_editors.py sets vim.g.pooltrack_cmd to run this checkout's server.
local cmd = vim.g.pooltrack_cmd or { "pooltrack", "lsp" }

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "c", "cpp" },
  callback = function(args)
    local config = {
      name = "pooltrack",
      cmd = cmd,
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h"),
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })           -- Neovim 0.8+
    else
      local id = vim.lsp.start_client(config)               -- Neovim 0.7
      if id then vim.lsp.buf_attach_client(args.buf, id) end
    end
  end,
})
