<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own words that qtbase_zh_TW.qm (shipped with PySide6) lacks: Qt 6 renamed them
     (the file dialog's labels gained their accelerator keys), so Chinese dialogs showed
     them in English. Loaded after Qt's catalog (ui/language.py), so only these messages
     come from here. Compile with: pyside6-lrelease qtbase_supplement_zh_TW.ts
     (tests/ui/test_qt_translations.py checks the .qm holds every message of this file). -->
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>尋找於(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>檔案類型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>磁碟機</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>檔案資料夾</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>替身</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷徑</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
</TS>
