-- ~/.config/nvim/after/ftplugin/json.lua (or in init.lua inside a FileType autocmd)
-- HAR captures are JSON: vim.filetype.add({ extension = { har = "json" } })
vim.lsp.start({
  name = "sas-validate",
  cmd = { "sas-validate", "lsp" },
  root_dir = vim.fs.dirname(vim.fs.find({ "sas-validate.toml", ".git" }, {
    upward = true, path = vim.fs.dirname(vim.api.nvim_buf_get_name(0)),
  })[1]),
})
