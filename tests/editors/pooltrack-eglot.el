;;; pooltrack-eglot.el --- run `pooltrack lsp' under Eglot for C and C++  -*- lexical-binding: t -*-
;; Load it from your init file or copy it there (Emacs 29 has Eglot built in;
;; on Emacs 28 install the `eglot' package, Debian: elpa-eglot).
;; tests/test_editors.py sets `pooltrack-command' to run this checkout's server.

(defvar pooltrack-command '("pooltrack" "lsp")
  "Command line of the pooltrack language server.")

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((c-mode c++-mode c-ts-mode c++-ts-mode) . ,pooltrack-command)))

(add-hook 'c-mode-hook #'eglot-ensure)
(add-hook 'c++-mode-hook #'eglot-ensure)
;;; pooltrack-eglot.el ends here
