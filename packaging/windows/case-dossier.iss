; Inno Setup script for Case Dossier (per-user install by default, no admin rights needed).
; packaging/build.py windows runs it when ISCC.exe is found:
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir="dist\Case Dossier" /DOutputDir=dist
;            /DOutputBaseFilename=CaseDossier-0.1.0-windows-x86_64-setup packaging\windows\case-dossier.iss
; The setup .exe is signed afterwards by build.py when signing is configured.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Case Dossier"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputBaseFilename
  #define OutputBaseFilename "CaseDossier-" + AppVersion + "-windows-setup"
#endif

[Setup]
; Never change AppId: Windows finds the installed app (upgrade, uninstall) by it.
AppId={{6B0F3C52-8E0D-4E1B-9B7A-3C5D2A9E4F10}
AppName=Case Dossier
AppVersion={#AppVersion}
AppVerName=Case Dossier {#AppVersion}
AppPublisher=Case Dossier developers
AppCopyright=Case Dossier developers. Independent app, not affiliated with Apple Inc.
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Case Dossier
DefaultGroupName=Case Dossier
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseFilename}
SetupIconFile=..\icons\case-dossier.ico
UninstallDisplayIcon={app}\Case Dossier.exe
UninstallDisplayName=Case Dossier
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version replaces the bundled libraries as a whole (no stale files from the last one).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Case Dossier"; Filename: "{app}\Case Dossier.exe"
Name: "{autodesktop}\Case Dossier"; Filename: "{app}\Case Dossier.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Case Dossier.exe"; Description: "{cm:LaunchProgram,Case Dossier}"; Flags: nowait postinstall skipifsilent
