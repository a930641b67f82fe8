; wawp-link's additions to electron-builder's NSIS installer (electron-builder.yml `nsis.include`).
;
; electron-builder 26's NSIS templates write no registry keys for `protocols`
; (https://github.com/electron-userland/electron-builder/issues/8145, .../issues/4582): without this,
; wawp-link:// links work only after the app ran once and registered itself, and uninstalling leaves
; HKCU\Software\Classes\wawp-link behind. The values match what Electron's
; app.setAsDefaultProtocolClient writes, so the run-time check (app.isDefaultProtocolClient) sees the
; installer's keys as ours and does not write them again.

!macro customInstall
  WriteRegStr HKCU "Software\Classes\wawp-link" "" "URL:wawp-link"
  WriteRegStr HKCU "Software\Classes\wawp-link" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\wawp-link\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr HKCU "Software\Classes\wawp-link\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first: keep the keys, the new version writes the same ones.
  ${ifNot} ${isUpdated}
    ; Remove the scheme only while it still opens this installation (another copy may have taken it).
    ReadRegStr $0 HKCU "Software\Classes\wawp-link\shell\open\command" ""
    ${if} $0 == '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
      DeleteRegKey HKCU "Software\Classes\wawp-link"
    ${endif}
  ${endif}
!macroend
