; Inno Setup 6 script of TNLĐ's installer (issue 13; docs/windows.md).
;
;   python packaging\build.py          dist\TNLD\ first (TNLD.exe, tnld-cli.exe, _internal\)
;   ISCC packaging\tnld.iss            then dist\TNLD-setup-<version>.exe
;   ISCC /DAppVersion=0.1.0 packaging\tnld.iss     another version than the one in TNLD.exe
;
; Per user, never asking for administrator rights: it installs into %LOCALAPPDATA%\Programs\TNLD ({autopf} in
; non-administrative install mode) with shortcuts in the user's Start menu and on the user's desktop.
; The data folder is never touched: the user's %LOCALAPPDATA%\TNLD, or {app}\data when someone made the
; installed folder portable (portable.txt beside TNLD.exe). An upgrade replaces the program files only; the
; program migrates its database at its next start, after a backup. An uninstall removes the program files only.
;
; Saved as UTF-8 with a byte order mark (Inno Setup 6 then reads it, and Vietnamese.isl, as Unicode).
; Needs Inno Setup 6.3 or later (x64compatible); written against the messages of 6.5.

#define AppName "TNLĐ – Sổ tai nạn lao động"
#define AppExe "TNLD.exe"

; The version is the built TNLD.exe's (its fixed version information comes from pyproject.toml, as x.y.z.0),
; unless given on the command line: ISCC /DAppVersion=x.y.z. Numbers only: it is also VersionInfoVersion.
#ifndef AppVersion
  #define BuiltExe AddBackslash(SourcePath) + "..\dist\TNLD\" + AppExe
  #if !FileExists(BuiltExe)
    #error dist\TNLD\TNLD.exe is missing: build the program first (python packaging\build.py)
  #endif
  #define VerMajor
  #define VerMinor
  #define VerRevision
  #define VerBuild
  #if GetVersionComponents(BuiltExe, VerMajor, VerMinor, VerRevision, VerBuild) == ""
    #error dist\TNLD\TNLD.exe carries no version information (see packaging\tnld.spec)
  #endif
  #define AppVersion Str(VerMajor) + "." + Str(VerMinor) + "." + Str(VerRevision)
#endif

[Setup]
; The same AppId in every version: that is how an upgrade finds the installed program (and its folder).
AppId={{80FF9F2F-2C13-4D24-B50B-2EB9E0BCD7EB}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=TNLD
AppCopyright=© the TNLĐ contributors
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\tnld.ico
SetupIconFile=..\resources\icons\tnld.ico
VersionInfoCompany=TNLD
VersionInfoProductName={#AppName}
VersionInfoDescription=Cài đặt {#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoCopyright=© the TNLĐ contributors

; Per user, no administrator rights; PrivilegesRequiredOverridesAllowed is deliberately not set, so Setup never
; offers (nor asks for) an installation for all users.
PrivilegesRequired=lowest
DefaultDirName={autopf}\TNLD
DisableProgramGroupPage=yes
; The program is 64-bit (Python and Qt 6 for x64) and Qt 6 needs Windows 10 or later: Setup says so plainly on
; an older or 32-bit Windows instead of installing a program that cannot start.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0

; An upgrade closes a running TNLĐ (Windows Restart Manager; the user is asked on the Preparing page) and does
; not restart it: the finish page offers to start the new version.
CloseApplications=yes
RestartApplications=no

OutputDir=..\dist
OutputBaseFilename=TNLD-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A log in %TEMP% (Setup Log yyyy-mm-dd #nnn.txt) for whoever helps a commune whose installation failed.
SetupLogging=yes

; Always Vietnamese (the first language is the default); English stays available with /LANG=en.
ShowLanguageDialog=no
LanguageDetectionMethod=none

[Languages]
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
; The shortcuts carry the program's name, the same in both languages: an upgrade run in the other language then
; replaces them instead of adding a second pair.
vi.ShortcutName=Sổ tai nạn lao động (TNLĐ)
en.ShortcutName=Sổ tai nạn lao động (TNLĐ)
vi.ShortcutComment=Ghi chép và báo cáo tai nạn lao động cấp xã
en.ShortcutComment=Record and report occupational accidents (commune level)
vi.StartNow=Mở Sổ tai nạn lao động ngay bây giờ
en.StartNow=Start the occupational accident register now
vi.DataKept=Chương trình đã được gỡ bỏ, nhưng dữ liệu KHÔNG bị xóa. Thư mục dữ liệu vẫn được giữ nguyên tại:%n%n%1%n%nNếu cài đặt lại chương trình, dữ liệu này sẽ được dùng tiếp. Chỉ xóa thư mục này khi chắc chắn không còn cần đến dữ liệu, và sau khi đã sao lưu.
en.DataKept=The program has been removed, but its data has NOT been deleted. The data folder is kept at:%n%n%1%n%nIf the program is installed again, it will use this data. Delete this folder only when you are sure the data is no longer needed, and after making a backup.

[Tasks]
; Checked by default.
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade first removes the previous build's libraries, so that no stale file of an older build stays in
; _internal (PyInstaller's folder). Only program files: never {app}\data, never %LOCALAPPDATA%\TNLD.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole one-folder build. A portable mark or data folder left in dist\TNLD by a test run is never shipped.
Source: "..\dist\TNLD\*"; DestDir: "{app}"; Excludes: "\portable.txt,\data,\data\*"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\resources\icons\tnld.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartNow}"; Flags: postinstall nowait skipifsilent

[UninstallDelete]
; Files the program itself might leave among its own libraries. Program files only: there is deliberately no
; entry for any data folder.
Type: filesandordirs; Name: "{app}\_internal"

; The uninstaller removes only what Setup installed. The data folders are left alone: %LOCALAPPDATA%\TNLD is
; outside {app}, and {app}\data (a portable install folder: portable.txt beside TNLD.exe) was never installed
; by Setup, so the uninstaller does not delete it and keeps {app} (with portable.txt) while data is in it.
; The code below only tells the user where the kept data is.
[Code]
function KeptDataFolders: String;
begin
  Result := '';
  if DirExists(ExpandConstant('{localappdata}\TNLD')) then
    Result := ExpandConstant('{localappdata}\TNLD');
  if DirExists(ExpandConstant('{app}\data')) then
  begin
    if Result <> '' then
      Result := Result + #13#10;
    Result := Result + ExpandConstant('{app}\data');
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folders: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Folders := KeptDataFolders;
    if (Folders <> '') and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [Folders]), mbInformation, MB_OK);
  end;
end;
