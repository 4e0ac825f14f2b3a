; Inno Setup script for Bayegan (بایگان) on Windows.
;
; Build the PyInstaller folder first, then compile this script (Inno Setup 6):
;   pyinstaller --noconfirm --distpath dist packaging\bayegan.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\bayegan.iss
; Output: dist\bayegan-<version>-setup.exe. .github/workflows/package.yml does both steps.
;
; The installer copies dist\bayegan\ (bayegan.exe for the command line, bayegan-gui.exe for the
; Start menu, _internal\) to Program Files, adds Start-menu/desktop shortcuts and optionally puts
; bayegan.exe on PATH. Installs per user by default (no admin needed); the user may choose all users.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Bayegan"
#define SrcDir "..\..\dist\bayegan"

[Setup]
AppId={{8C3F0A52-5E0B-4E0E-9B7A-B4E6A7A1D1A9}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Bayegan developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=bayegan-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\bayegan.ico
UninstallDisplayIcon={app}\bayegan-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "persian"; MessagesFile: "compiler:Languages\Persian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the bayegan command to PATH"; Flags: unchecked

[Files]
Source: "{#SrcDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\bayegan-gui.exe"; IconFilename: "{app}\bayegan-gui.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\bayegan-gui.exe"; Tasks: desktopicon

[Registry]
; Per-user PATH entry (HKCU), only when the task was chosen.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
    ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\bayegan-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;
