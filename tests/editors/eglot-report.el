;;; eglot-report.el --- test harness for tests/test_editors.py  -*- lexical-binding: t -*-
;; Not configuration.  Usage:
;;   emacs --batch -l pooltrack-eglot.el -l eglot-report.el FILE.c
;; (messages go to stderr, the report to stdout)
;; Opens FILE.c (c-mode, so Eglot starts through `eglot-ensure'), waits until
;; Flymake holds Eglot's diagnostics, prints one line per diagnostic
;;   DIAG <line>:<col> <code> <message>      (1-based line and column)
;; and exits with status 0, or 1 on timeout or error.

(require 'cl-lib)
(unless (require 'eglot nil t)          ; Emacs 28: the eglot package
  (package-initialize)
  (require 'eglot))
(require 'flymake)

(defvar eglot-report-timeout
  (/ (string-to-number (or (getenv "POOLTRACK_WAIT_MS") "30000")) 1000.0))

(defun eglot-report--out (fmt &rest args)
  (princ (apply #'format (concat fmt "\n") args)))   ; batch: stdout

(defun eglot-report--main (file)
  ;; no VCS around FILE: let Eglot treat its directory as the project
  (add-hook 'project-find-functions (lambda (dir) (cons 'transient dir)) 90)
  (find-file file)
  ;; `eglot-ensure' connects from `post-command-hook'; batch mode runs no commands
  (run-hooks 'post-command-hook)
  (let ((deadline (+ (float-time) eglot-report-timeout))
        (buf (current-buffer))
        diags)
    (while (and (null diags) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (with-current-buffer buf
        (when (and (eglot-managed-p) (not flymake-mode)) (flymake-mode 1))
        (when (eglot-managed-p) (flymake-start))
        (setq diags (flymake-diagnostics))))
    (with-current-buffer buf
      (eglot-report--out "MODE %s MANAGED %s" major-mode (and (eglot-managed-p) t))
      (dolist (d (sort diags (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
        (let* ((beg (flymake-diagnostic-beg d))
               (text (flymake-diagnostic-text d))
               ;; Eglot keeps the LSP diagnostic in the Flymake diagnostic's data
               (lsp (ignore-errors (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
               (code (or (and lsp (plist-get lsp :code)) "?")))
          (eglot-report--out "DIAG %d:%d %s %s" (line-number-at-pos beg)
                             (save-excursion (goto-char beg) (1+ (current-column)))
                             code (replace-regexp-in-string "\n" " " text))))
      (unless diags (eglot-report--out "TIMEOUT waiting for diagnostics"))
      (let ((server (eglot-current-server)))
        (when server (ignore-errors (eglot-shutdown server nil 3)))))
    (kill-emacs (if diags 0 1))))

(condition-case err
    (eglot-report--main (car (last command-line-args-left)))
  (error (eglot-report--out "ERROR %S" err) (kill-emacs 1)))
;;; eglot-report.el ends here
