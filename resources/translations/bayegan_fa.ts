<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ArticlePane</name>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="79"/>
        <source>Previous hit (Shift+F3)</source>
        <translation>یافتهٔ قبلی (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="78"/>
        <source>Previous</source>
        <translation>قبلی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="80"/>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="81"/>
        <source>Next hit (F3)</source>
        <translation>یافتهٔ بعدی (F3)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="83"/>
        <source>Smaller text (Ctrl+-)</source>
        <translation>متن کوچک‌تر (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="85"/>
        <source>Larger text (Ctrl+=)</source>
        <translation>متن بزرگ‌تر (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="86"/>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="86"/>
        <source>News code</source>
        <translation>کد خبر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="86"/>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="87"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="87"/>
        <source>Link</source>
        <translation>پیوند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="88"/>
        <source>This article is very long: the first {shown} of its {total} characters are shown.</source>
        <translation>این مقاله بسیار بلند است: {shown} نویسهٔ نخست از {total} نویسهٔ آن نشان داده شده است.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/article_pane.py" line="89"/>
        <source>Show more</source>
        <translation>نمایش بیشتر</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="117"/>
        <location filename="../../viewer/gui/collections_panel.py" line="185"/>
        <source>All articles</source>
        <translation>همهٔ خبرها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="153"/>
        <source>Collection created: {name}</source>
        <translation>مجموعه ساخته شد: {name}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="158"/>
        <source>Collection deleted: {name}</source>
        <translation>مجموعه حذف شد: {name}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="162"/>
        <source>{count} articles added to {name}</source>
        <translation>{count} خبر به {name} افزوده شد</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="179"/>
        <source>Collections</source>
        <translation>مجموعه‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="180"/>
        <source>New collection name</source>
        <translation>نام مجموعهٔ تازه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="181"/>
        <source>Create</source>
        <translation>بساز</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="182"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/collections_panel.py" line="183"/>
        <source>Export…</source>
        <translation>خروجی…</translation>
    </message>
</context>
<context>
    <name>CopiesBar</name>
    <message>
        <location filename="../../viewer/gui/copies_bar.py" line="48"/>
        <source>Saved in {count} files: {files}</source>
        <translation>در {count} پرونده: {files}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/copies_bar.py" line="53"/>
        <source>Near duplicates: {articles}</source>
        <translation>بازنشرهای همین خبر: {articles}</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../viewer/gui/crash_handler.py" line="46"/>
        <source>Something went wrong: {error}</source>
        <translation>خطایی پیش آمد: {error}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/crash_handler.py" line="78"/>
        <source>Bayegan</source>
        <translation>بایگان</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../viewer/gui/duplicates_dialog.py" line="93"/>
        <source>Duplicates</source>
        <translation>خبرهای تکراری</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/duplicates_dialog.py" line="94"/>
        <source>Story or article</source>
        <translation>خبر و نسخه‌هایش</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/duplicates_dialog.py" line="94"/>
        <source>Date and files</source>
        <translation>تاریخ و پرونده‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/duplicates_dialog.py" line="98"/>
        <source>Finding duplicates…</source>
        <translation>یافتن خبرهای تکراری…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/duplicates_dialog.py" line="100"/>
        <source>No duplicates: every article is one story in one file.</source>
        <translation>تکراری‌ای نیست: هر خبر یک بار و در یک پرونده آمده است.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/duplicates_dialog.py" line="103"/>
        <source>{stories} stories told by several articles, {files} articles saved in several files. Enter or a double click opens an article.</source>
        <translation>{stories} خبر با چند نسخه، {files} خبر در چند پرونده. ‏Enter یا دوکلیک خبر را باز می‌کند.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/duplicates_dialog.py" line="109"/>
        <source>{count} articles: {title}</source>
        <translation>{count} خبر: {title}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/duplicates_dialog.py" line="113"/>
        <source>{count} files</source>
        <translation>{count} پرونده</translation>
    </message>
</context>
<context>
    <name>EmptyNotice</name>
    <message>
        <location filename="../../viewer/gui/empty_notice.py" line="30"/>
        <source>Nothing matches «{query}».
Try fewer or other words, a shorter form (اصفهان rather than اصفهانی), or clear the tag filters.</source>
        <translation>هیچ مقاله‌ای با «{query}» جور نیست.
واژه‌های کمتر یا دیگری، شکل کوتاه‌تر (اصفهان به جای اصفهانی) را بیازمایید، یا صافی برچسب‌ها را پاک کنید.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/empty_notice.py" line="33"/>
        <source>The archive is empty. Add a folder of articles from the File menu.</source>
        <translation>بایگان خالی است. از منوی «پرونده» پوشه‌ای از مقاله‌ها بیفزایید.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="105"/>
        <location filename="../../viewer/gui/export_dialog.py" line="331"/>
        <location filename="../../viewer/gui/export_dialog.py" line="352"/>
        <source>Export PDF</source>
        <translation>خروجی PDF</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="110"/>
        <source>What to export</source>
        <translation>چه خبرهایی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="115"/>
        <source>The open article</source>
        <translation>خبر باز</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="116"/>
        <source>The selected articles ({n})</source>
        <translation>خبرهای برگزیده ({n})</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="117"/>
        <source>All results of the search ({n})</source>
        <translation>همهٔ نتیجه‌های جست‌وجو ({n})</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="118"/>
        <source>All articles with notes ({n})</source>
        <translation>همهٔ خبرهای یادداشت‌دار ({n})</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="133"/>
        <source>With highlights and notes</source>
        <translation>با برجسته‌ها و یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="141"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="152"/>
        <source>Open the PDF when it is written</source>
        <translation>پس از نوشتن، PDF را باز کن</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="155"/>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="156"/>
        <source>Author:</source>
        <translation>نویسنده:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="159"/>
        <source>Export</source>
        <translation>خروجی بگیر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="160"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="201"/>
        <source>Save the PDF as</source>
        <translation>ذخیرهٔ PDF با نام</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="202"/>
        <source>PDF files (*.pdf)</source>
        <translation>پرونده‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="212"/>
        <source>The folder {folder} does not exist.</source>
        <translation>پوشهٔ {folder} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="332"/>
        <source>The archive is not open yet.</source>
        <translation>بایگان هنوز باز نشده است.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="346"/>
        <source>Exported {count} articles ({pages} pages) to {path}</source>
        <translation>{count} خبر ({pages} صفحه) در {path} ذخیره شد</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="351"/>
        <source>Export cancelled.</source>
        <translation>خروجی گرفتن لغو شد.</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="239"/>
        <source>Exporting…</source>
        <translation>در حال ساختن PDF…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="239"/>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="242"/>
        <source>Export PDF</source>
        <translation>خروجی PDF</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/export_dialog.py" line="260"/>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
</context>
<context>
    <name>FoldersDialog</name>
    <message>
        <source>Choose a folder of articles</source>
        <translation type="vanished">پوشه‌ای از خبرها را برگزینید</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/folders_dialog.py" line="67"/>
        <source>Choose folders of articles (several with Ctrl)</source>
        <translation>پوشه‌های خبر را برگزینید (چندتایی با Ctrl)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/folders_dialog.py" line="75"/>
        <source>Archive folders</source>
        <translation>پوشه‌های بایگانی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/folders_dialog.py" line="76"/>
        <source>Bayegan indexes the .txt, .json, .jsonl and .html articles in these folders. With no folder, the bundled sample archive is shown.</source>
        <translation>بایگان خبرهای ‎.txt، ‎.json، ‎.jsonl و ‎.html این پوشه‌ها را نمایه می‌کند. اگر پوشه‌ای انتخاب نشده باشد، بایگانی نمونهٔ همراه برنامه نشان داده می‌شود.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/folders_dialog.py" line="78"/>
        <source>Add folder…</source>
        <translation>افزودن پوشه…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/folders_dialog.py" line="79"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="21"/>
        <source>Clear the search box</source>
        <translation>پاک کردن جعبهٔ جست‌وجو</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="22"/>
        <source>Search now</source>
        <translation>جست‌وجو همین حالا</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="23"/>
        <source>Move between the search box, tags, results, article and notes</source>
        <translation>رفتن میان جعبهٔ جست‌وجو، برچسب‌ها، نتیجه‌ها، مقاله و یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="24"/>
        <source>Select text in the article (after Tab into it)</source>
        <translation>برگزیدن متن در مقاله (پس از رفتن به آن با Tab)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="25"/>
        <source>Highlight or note the selection (context menu)</source>
        <translation>برجسته‌سازی یا یادداشت بر متن برگزیده (منوی زمینه)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="26"/>
        <source>Undo, redo in the notes panel</source>
        <translation>واگرد و ازنو در بخش یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="27"/>
        <source>Save a note (in the note dialog)</source>
        <translation>ذخیرهٔ یادداشت (در پنجرهٔ یادداشت)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="49"/>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="66"/>
        <source>articles with both words (AND is the default)</source>
        <translation>مقاله‌هایی که هر دو واژه را دارند (پیش‌فرض: «و»)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="67"/>
        <source>the exact phrase</source>
        <translation>همین عبارت، پشت سر هم</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="68"/>
        <source>either word (also یا)</source>
        <translation>یکی از دو واژه (یا: «یا»)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="69"/>
        <source>without the word (also NOT)</source>
        <translation>بدون این واژه (یا: NOT)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="70"/>
        <source>the word in the title (also عنوان:)</source>
        <translation>واژه در عنوان (یا: عنوان:)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="71"/>
        <source>articles with that tag (also برچسب:)</source>
        <translation>مقاله‌های دارای این برچسب (یا: برچسب:)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="72"/>
        <source>words starting with it</source>
        <translation>واژه‌هایی که با آن آغاز می‌شوند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="73"/>
        <source>words one or two letters away</source>
        <translation>واژه‌هایی با یکی دو حرف تفاوت</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="80"/>
        <source>Every spelling of a word is found (ی/ي, ک/ك, digits, half-spaces), and its other forms.</source>
        <translation>همهٔ نوشتارهای یک واژه (ی/ي، ک/ك، رقم‌ها، نیم‌فاصله) و شکل‌های دیگر آن یافته می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="87"/>
        <source>Search syntax</source>
        <translation>زبان جست‌وجو</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="102"/>
        <source>Bayegan</source>
        <translation>بایگان</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="103"/>
        <source>An offline archive viewer for Persian news articles: it finds every spelling of a word, shows articles right to left, keeps your highlights and notes, and exports them as PDF.</source>
        <translation>نمایشگر آفلاین بایگانی خبرهای فارسی: هر املای یک واژه را پیدا می‌کند، خبرها را راست‌به‌چپ نشان می‌دهد، برجسته‌سازی‌ها و یادداشت‌های شما را نگه می‌دارد و آن‌ها را به PDF برون‌بری می‌کند.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="105"/>
        <source>Font: Vazirmatn (SIL Open Font License). Licence: Apache-2.0.</source>
        <translation>قلم: وزیرمتن (SIL Open Font License). پروانه: Apache-2.0.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/help_dialogs.py" line="112"/>
        <source>About Bayegan</source>
        <translation>دربارهٔ بایگان</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <location filename="../../viewer/gui/import_problems.py" line="19"/>
        <source>Files not taken in</source>
        <translation>پرونده‌هایی که خوانده نشدند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/import_problems.py" line="20"/>
        <source>{failed} files could not be read; {skipped} were skipped.</source>
        <translation>{failed} پرونده خوانده نشد؛ از {skipped} پرونده گذشتیم.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/import_problems.py" line="26"/>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/import_problems.py" line="26"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/import_problems.py" line="29"/>
        <source>Could not be read</source>
        <translation>خوانده نشد</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/import_problems.py" line="30"/>
        <source>Skipped (a type Bayegan does not read)</source>
        <translation>کنار گذاشته شد (نوعی که بایگان نمی‌خواند)</translation>
    </message>
</context>
<context>
    <name>IndexingStatus</name>
    <message>
        <location filename="../../viewer/gui/indexing_status.py" line="44"/>
        <source>Indexing…</source>
        <translation>در حال نمایه‌سازی…</translation>
    </message>
    <message>
        <source>Indexing {done}/{total}: {name}</source>
        <translation type="vanished">نمایه‌سازی {done} از {total}: {name}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/indexing_status.py" line="54"/>
        <source>Indexing {done} of {total} articles: {name}</source>
        <translation>نمایه‌سازی {done} از {total} خبر: {name}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/indexing_status.py" line="60"/>
        <source>Saving the index…</source>
        <translation>نوشتن نمایه…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/indexing_status.py" line="68"/>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/indexing_status.py" line="72"/>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/indexing_status.py" line="73"/>
        <source>Stop indexing; what was read so far is kept</source>
        <translation>توقف نمایه‌سازی؛ نمایه همان‌گونه که بود می‌ماند</translation>
    </message>
</context>
<context>
    <name>LabControl</name>
    <message>
        <location filename="../../viewer/gui/lab/lab_control.py" line="33"/>
        <source>Lab…</source>
        <translation>آزمایشگاه…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_control.py" line="66"/>
        <source>Lab: not synced yet</source>
        <translation>آزمایشگاه: هنوز همگام نشده</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_control.py" line="72"/>
        <source>Lab: syncing…</source>
        <translation>آزمایشگاه: در حال همگام‌سازی…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_control.py" line="91"/>
        <source>Lab: received; sending refused (read-only role)</source>
        <translation>آزمایشگاه: دریافت شد؛ فرستادن پذیرفته نشد (نقش فقط‌خواندنی)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_control.py" line="93"/>
        <source>Lab: synced</source>
        <translation>آزمایشگاه: همگام است</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_control.py" line="97"/>
        <source>Notes received from the lab: %1</source>
        <translation>یادداشت‌های دریافتی از آزمایشگاه: %1</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_control.py" line="102"/>
        <source>Lab: offline — changes wait here</source>
        <translation>آزمایشگاه: بی‌پیوند — تغییرها همین‌جا می‌مانند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_control.py" line="118"/>
        <source>Joining…</source>
        <translation>در حال پیوستن…</translation>
    </message>
</context>
<context>
    <name>LabDialog</name>
    <message>
        <location filename="../../viewer/gui/lab/lab_dialog.py" line="22"/>
        <source>Research lab</source>
        <translation>آزمایشگاه پژوهشی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_dialog.py" line="29"/>
        <source>Server address:</source>
        <translation>نشانی کارساز:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_dialog.py" line="30"/>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_dialog.py" line="31"/>
        <source>Your name in the lab:</source>
        <translation>نام شما در آزمایشگاه:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_dialog.py" line="34"/>
        <source>Join</source>
        <translation>پیوستن</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_dialog.py" line="35"/>
        <source>Leave the lab</source>
        <translation>ترک آزمایشگاه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_dialog.py" line="50"/>
        <source>This desktop is in the lab at %1 as %2.</source>
        <translation>این رایانه با نام %2 عضو آزمایشگاه %1 است.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/lab/lab_dialog.py" line="53"/>
        <source>This desktop is in no lab. Your notes stay here either way.</source>
        <translation>این رایانه عضو آزمایشگاهی نیست. یادداشت‌های شما در هر حال همین‌جا می‌مانند.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Choose a folder of articles</source>
        <translation type="vanished">پوشه‌ای از خبرها را برگزینید</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/main_window.py" line="279"/>
        <source>Indexed: {added} added, {updated} updated, {removed} removed</source>
        <translation>نمایه‌سازی شد: {added} افزوده، {updated} به‌روز، {removed} حذف</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/main_window.py" line="283"/>
        <source>Too late to cancel: indexing had finished.</source>
        <translation>برای لغو دیر بود: نمایه‌سازی تمام شده بود.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/main_window.py" line="296"/>
        <source>Indexing cancelled: nothing of this run was saved; the archive still holds {count} articles.</source>
        <translation>نمایه‌سازی لغو شد: چیزی از این دور ذخیره نشد؛ بایگان همچنان {count} مقاله دارد.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/main_window.py" line="299"/>
        <source>Indexing cancelled: the archive is empty. Re-scan (F5) to index the folders.</source>
        <translation>نمایه‌سازی لغو شد: بایگان خالی است. برای نمایه‌سازی پوشه‌ها دوباره بخوانید (F5).</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/main_window.py" line="309"/>
        <source>{count} articles in the archive</source>
        <translation>{count} خبر در بایگانی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/main_window.py" line="346"/>
        <source>Bayegan — Persian news archive</source>
        <translation>بایگان — بایگانی خبرهای فارسی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_folders.py" line="32"/>
        <source>Choose folders of articles (several with Ctrl)</source>
        <translation>پوشه‌های خبر را برگزینید (چندتایی با Ctrl)</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <location filename="../../viewer/gui/notes/controller.py" line="65"/>
        <source>Select some text in the article first.</source>
        <translation>نخست بخشی از متن خبر را برگزینید.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/controller.py" line="71"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/controller.py" line="71"/>
        <source>Your note on the selected text:</source>
        <translation>یادداشت شما بر متن برگزیده:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="vanished">نام شما</translation>
    </message>
    <message>
        <source>The name shown on your notes and replies:</source>
        <translation type="vanished">نامی که کنار یادداشت‌ها و پاسخ‌های شما می‌آید:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/author_prompt.py" line="29"/>
        <source>Your name on notes</source>
        <translation>نام شما روی یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/author_prompt.py" line="30"/>
        <source>The name shown on your notes and replies (you can change it later under View):</source>
        <translation>نامی که کنار یادداشت‌ها و پاسخ‌های شما می‌آید (بعداً از منوی نما می‌توانید آن را تغییر دهید):</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/author_prompt.py" line="59"/>
        <source>Your name on notes…</source>
        <translation>نام شما روی یادداشت‌ها…</translation>
    </message>
</context>
<context>
    <name>NotesOnlyBox</name>
    <message>
        <location filename="../../viewer/gui/notes_only_box.py" line="16"/>
        <source>Only articles with notes</source>
        <translation>فقط خبرهای یادداشت‌دار</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../viewer/gui/notes/panel_items.py" line="56"/>
        <source>{title} ({count} notes)</source>
        <translation>{title} ({count} یادداشت)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_items.py" line="34"/>
        <source>Not found in the text any more</source>
        <translation>دیگر در متن یافت نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_items.py" line="39"/>
        <source>On the whole article</source>
        <translation>دربارهٔ کل خبر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_items.py" line="42"/>
        <source>unknown</source>
        <translation>ناشناس</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="327"/>
        <source>Add note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="327"/>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="84"/>
        <source>Highlight</source>
        <translation>برجسته‌سازی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="338"/>
        <source>Comment</source>
        <translation>نظر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="347"/>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="114"/>
        <source>Reply</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="354"/>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="125"/>
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="360"/>
        <source>Delete note</source>
        <translation>حذف یادداشت</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="383"/>
        <source>Comment on the article</source>
        <translation>نظر دربارهٔ خبر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="383"/>
        <source>Your comment on the whole article:</source>
        <translation>نظر شما دربارهٔ کل خبر:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="114"/>
        <source>Your reply:</source>
        <translation>پاسخ شما:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="125"/>
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel.py" line="391"/>
        <source>Deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>حذف شد. با «واگرد» (Ctrl+Z) برمی‌گردد.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="36"/>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="90"/>
        <source>Reply…</source>
        <translation>پاسخ…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="37"/>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="91"/>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="40"/>
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="45"/>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="92"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="53"/>
        <source>{added} notes added, {updated} updated, {skipped} already here, {orphaned} not placed in this archive.</source>
        <translation>{added} یادداشت افزوده شد، {updated} به‌روز شد، {skipped} از پیش بود، {orphaned} در این بایگان جایی نیافت.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="59"/>
        <source>Export notes</source>
        <translation>برون‌بری یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="60"/>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="72"/>
        <source>Web Annotation (*.jsonld *.json)</source>
        <translation>یادداشت وب (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>Could not write {file}: {error}</source>
        <translation type="vanished">نوشتن {file} ممکن نشد: {error}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="67"/>
        <source>{count} notes exported.</source>
        <translation>{count} یادداشت برون‌بری شد.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="71"/>
        <source>Import notes</source>
        <translation>درون‌بری یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="82"/>
        <source>Find in notes</source>
        <translation>جست‌وجو در یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="83"/>
        <source>Articles with notes</source>
        <translation>خبرهای یادداشت‌دار</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="85"/>
        <source>Highlight the selected text in the chosen colour</source>
        <translation>متن برگزیده را با رنگ انتخاب‌شده برجسته کن</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="86"/>
        <source>Note…</source>
        <translation>یادداشت…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="87"/>
        <source>Highlight the selected text and write a note on it</source>
        <translation>متن برگزیده را برجسته کن و بر آن یادداشت بنویس</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="88"/>
        <source>Comment…</source>
        <translation>نظر…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="89"/>
        <source>A comment on the whole article</source>
        <translation>نظری دربارهٔ کل خبر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="93"/>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="94"/>
        <source>Redo</source>
        <translation>ازنو</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="96"/>
        <source>Export and import notes</source>
        <translation>برون‌بری و درون‌بری یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="97"/>
        <source>Highlight the selection</source>
        <translation>برجسته‌سازی متن برگزیده</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="98"/>
        <source>Note on the selection…</source>
        <translation>یادداشت بر متن برگزیده…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="99"/>
        <source>Export notes (Web Annotation)…</source>
        <translation>برون‌بری یادداشت‌ها (Web Annotation)…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="100"/>
        <source>Import a colleague&apos;s notes…</source>
        <translation>درون‌بری یادداشت‌های همکار…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/notes/install.py" line="45"/>
        <location filename="../../viewer/gui/notes/panel_actions.py" line="81"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>ProblemsButton</name>
    <message>
        <location filename="../../viewer/gui/problems_button.py" line="40"/>
        <source>{count} files not taken in…</source>
        <translation>{count} پرونده خوانده نشد…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/problems_button.py" line="41"/>
        <source>Which files were not read, and why</source>
        <translation>کدام پرونده‌ها خوانده نشدند، و چرا</translation>
    </message>
</context>
<context>
    <name>ReferenceActions</name>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="71"/>
        <location filename="../../viewer/gui/reference_actions.py" line="79"/>
        <source>Citation copied</source>
        <translation>ارجاع رونوشت شد</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="86"/>
        <source>Export list</source>
        <translation>خروجی فهرست</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="98"/>
        <source>{count} articles written to {file}</source>
        <translation>{count} خبر در {file} نوشته شد</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="102"/>
        <source>Add to collection</source>
        <translation>افزودن به مجموعه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="107"/>
        <source>No collections yet: create one in the side panel</source>
        <translation>هنوز مجموعه‌ای نیست: در پنل کناری یکی بسازید</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="129"/>
        <source>Copy citation</source>
        <translation>رونوشت ارجاع</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="130"/>
        <source>Copy as BibTeX</source>
        <translation>رونوشت به‌صورت BibTeX</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="131"/>
        <source>Export list (CSV, CSL-JSON, RIS, BibTeX)…</source>
        <translation>خروجی فهرست (CSV، CSL-JSON، RIS، BibTeX)…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/reference_actions.py" line="132"/>
        <source>Add to collection…</source>
        <translation>افزودن به مجموعه…</translation>
    </message>
</context>
<context>
    <name>ResearchPanels</name>
    <message>
        <location filename="../../viewer/gui/research_panels.py" line="67"/>
        <location filename="../../viewer/gui/research_panels.py" line="136"/>
        <source>Research</source>
        <translation>پژوهش</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/research_panels.py" line="137"/>
        <source>&amp;Research</source>
        <translation>&amp;پژوهش</translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <location filename="../../viewer/gui/result_delegate.py" line="59"/>
        <source>{count} copy</source>
        <translation>{count} نسخهٔ دیگر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/result_delegate.py" line="61"/>
        <source>{count} copies</source>
        <translation>{count} نسخهٔ دیگر</translation>
    </message>
</context>
<context>
    <name>SavedSearchesPanel</name>
    <message>
        <location filename="../../viewer/gui/saved_searches_panel.py" line="90"/>
        <source>{name} ({total}, {new} new)</source>
        <translation>{name} ({total}، {new} تازه)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/saved_searches_panel.py" line="92"/>
        <source>{name} ({total})</source>
        <translation>{name} ({total})</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/saved_searches_panel.py" line="108"/>
        <source>Search saved: {name}</source>
        <translation>جست‌وجو نگه داشته شد: {name}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/saved_searches_panel.py" line="133"/>
        <source>Saved searches</source>
        <translation>جست‌وجوهای نگه‌داشته</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/saved_searches_panel.py" line="134"/>
        <source>Name for the current search</source>
        <translation>نامی برای جست‌وجوی کنونی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/saved_searches_panel.py" line="135"/>
        <source>Save search</source>
        <translation>نگه‌داشتن</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/saved_searches_panel.py" line="136"/>
        <source>Enter opens a search; Delete removes it.</source>
        <translation>Enter جست‌وجو را باز می‌کند؛ Delete آن را برمی‌دارد.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="98"/>
        <source>Searching…</source>
        <translation>در حال جست‌وجو…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="128"/>
        <source>… results</source>
        <translation>… نتیجه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="129"/>
        <source>Counting the results…</source>
        <translation>در حال شمردن نتیجه‌ها…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="136"/>
        <source>No results</source>
        <translation>بدون نتیجه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="138"/>
        <source>1 result</source>
        <translation>۱ نتیجه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="140"/>
        <source>{count} results</source>
        <translation>{count} نتیجه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="142"/>
        <source>{count} results, {stories} stories</source>
        <translation>{count} نتیجه، {stories} خبر یکتا</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="155"/>
        <source>None of these results has a date, so they cannot be sorted by date.</source>
        <translation>هیچ‌یک از این نتیجه‌ها تاریخ ندارد، پس نمی‌توان آن‌ها را بر پایهٔ تاریخ چید.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="167"/>
        <source>Did you mean: {suggestion}</source>
        <translation>منظورتان این بود: {suggestion}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="177"/>
        <source>Search the archive (Ctrl+F): words, &quot;phrases&quot;, -not, tag:…</source>
        <translation>جست‌وجو در بایگانی (Ctrl+F): واژه، «عبارت»، ‎-بجز، برچسب:…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="178"/>
        <source>Sort:</source>
        <translation>ترتیب:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="179"/>
        <source>Relevance</source>
        <translation>مرتبط‌ترین</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/search_bar.py" line="180"/>
        <source>Newest first</source>
        <translation>تازه‌ترین</translation>
    </message>
</context>
<context>
    <name>StoriesMenu</name>
    <message>
        <location filename="../../viewer/gui/stories_menu.py" line="61"/>
        <source>Count each story once in tag counts</source>
        <translation>هر خبر با نسخه‌هایش یک بار در شمار برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/stories_menu.py" line="62"/>
        <source>A story and its republished copies (near duplicates) add one to a tag&apos;s count, not one each</source>
        <translation>یک خبر و بازنشرهای آن (نسخه‌های نزدیک) یک بار در شمار هر برچسب می‌آیند، نه هر کدام جدا</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/stories_menu.py" line="64"/>
        <source>Duplicates…</source>
        <translation>خبرهای تکراری…</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../viewer/gui/tag_panel.py" line="79"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/tag_panel.py" line="80"/>
        <source>Filter tags…</source>
        <translation>پالایش برچسب‌ها…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/tag_panel.py" line="81"/>
        <source>Clear all</source>
        <translation>پاک کردن همه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/tag_panel.py" line="82"/>
        <source>Uncheck every tag</source>
        <translation>برداشتن تیک همهٔ برچسب‌ها</translation>
    </message>
</context>
<context>
    <name>TimelineHistogram</name>
    <message>
        <location filename="../../viewer/gui/timeline_histogram.py" line="167"/>
        <source>{month}: {count} articles</source>
        <translation>{month}: {count} خبر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/timeline_histogram.py" line="171"/>
        <source>Timeline of the results</source>
        <translation>نمودار زمانی نتیجه‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/timeline_histogram.py" line="172"/>
        <source>Drag over the months (or Shift+arrows, then Enter) to search that period; Escape shows every date again.</source>
        <translation>روی ماه‌ها بکشید (یا Shift و پیکان‌ها، سپس Enter) تا همان بازه جست‌وجو شود؛ Escape همهٔ تاریخ‌ها را دوباره نشان می‌دهد.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/timeline_histogram.py" line="67"/>
        <source>undated: {count}</source>
        <translation>بی‌تاریخ: {count}</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="77"/>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="78"/>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="79"/>
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="80"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="81"/>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="82"/>
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="83"/>
        <source>Add archive folder…</source>
        <translation>افزودن پوشهٔ بایگانی…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="84"/>
        <source>Archive folders…</source>
        <translation>پوشه‌های بایگانی…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="85"/>
        <source>Re-scan folders</source>
        <translation>بازخوانی پوشه‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="86"/>
        <source>Export PDF…</source>
        <translation>برون‌بری PDF…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="87"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="88"/>
        <source>Next hit</source>
        <translation>یافتهٔ بعدی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="89"/>
        <source>Previous hit</source>
        <translation>یافتهٔ قبلی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="90"/>
        <source>Larger text</source>
        <translation>متن بزرگ‌تر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="91"/>
        <source>Smaller text</source>
        <translation>متن کوچک‌تر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="92"/>
        <source>Normal text size</source>
        <translation>اندازهٔ عادی متن</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="93"/>
        <source>Next result</source>
        <translation>نتیجهٔ بعدی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="94"/>
        <source>Previous result</source>
        <translation>نتیجهٔ قبلی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="95"/>
        <source>Clear tag filters</source>
        <translation>پاک کردن پالایهٔ برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="96"/>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="97"/>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="98"/>
        <source>Switch light/dark</source>
        <translation>تعویض روشن/تیره</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="101"/>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="102"/>
        <source>Search syntax</source>
        <translation>زبان جست‌وجو</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/window_actions.py" line="103"/>
        <source>About Bayegan</source>
        <translation>دربارهٔ بایگان</translation>
    </message>
    <message>
        <source>Search and results</source>
        <translation>جست‌وجو و نتیجه‌ها</translation>
    </message>
    <message>
        <source>Highlights and notes</source>
        <translation>برجسته‌سازی و یادداشت</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>اندازهٔ متن</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>Reading mode</source>
        <translation>حالت خواندن</translation>
    </message>
    <message>
        <source>Tags panel</source>
        <translation>ستون برچسب‌ها</translation>
    </message>
    <message>
        <source>Results list</source>
        <translation>فهرست نتیجه‌ها</translation>
    </message>
    <message>
        <source>Notes panel</source>
        <translation>ستون یادداشت‌ها</translation>
    </message>
    <message>
        <source>Research panel</source>
        <translation>ستون پژوهش</translation>
    </message>
</context>
<context>
    <name>DiscourseDialog</name>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="303"/>
        <source>PNG images (*.png)</source>
        <translation>تصویرهای PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="303"/>
        <source>SVG images (*.svg)</source>
        <translation>تصویرهای SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="304"/>
        <source>CSV tables (*.csv)</source>
        <translation>جدول‌های CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="305"/>
        <source>Export the trend</source>
        <translation>ذخیرهٔ روند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="315"/>
        <source>Trends</source>
        <translation>روندها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="319"/>
        <source>Could not write {path}: {error}</source>
        <translation>نوشتن {path} ممکن نشد: {error}</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="322"/>
        <source>Saved {path}</source>
        <translation>{path} ذخیره شد</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="326"/>
        <source>Concordance and trends</source>
        <translation>هم‌نمایی و روندها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="327"/>
        <source>&amp;Word or phrase:</source>
        <translation>&amp;واژه یا عبارت:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="328"/>
        <source>Word or phrase for the concordance and collocations</source>
        <translation>واژه یا عبارت برای هم‌نمایی و هم‌آیندها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="329"/>
        <source>a word, or &quot;a phrase&quot; in quotes</source>
        <translation>یک واژه، یا «عبارتی» در گیومه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="330"/>
        <source>&amp;Trend of:</source>
        <translation>&amp;روند:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="331"/>
        <source>Queries for the trend chart, separated by commas</source>
        <translation>عبارت‌های نمودار روند، جدا با ویرگول</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="332"/>
        <source>queries separated by commas</source>
        <translation>عبارت‌ها جدا با ویرگول</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="333"/>
        <source>By month</source>
        <translation>ماهانه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="334"/>
        <source>By year</source>
        <translation>سالانه</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="335"/>
        <source>Trend period</source>
        <translation>دورهٔ روند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="336"/>
        <source>Jalali</source>
        <translation>خورشیدی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="337"/>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="338"/>
        <source>Calendar</source>
        <translation>تقویم</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="339"/>
        <source>Per 10,000 articles</source>
        <translation>در هر ۱۰٬۰۰۰ خبر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="340"/>
        <source>Show the trend per 10,000 articles of each period</source>
        <translation>روند را به نسبت هر ۱۰٬۰۰۰ خبر هر دوره نشان بده</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="341"/>
        <source>&amp;Sort lines by:</source>
        <translation>&amp;ترتیب سطرها:</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="342"/>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="342"/>
        <source>Words before</source>
        <translation>واژه‌های پیش</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="342"/>
        <source>Words after</source>
        <translation>واژه‌های پس</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="344"/>
        <source>Sort the concordance lines by</source>
        <translation>ترتیب سطرهای هم‌نمایی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="345"/>
        <source>Find</source>
        <translation>بیاب</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="346"/>
        <source>Find the concordance, collocations and trends</source>
        <translation>یافتن هم‌نمایی، هم‌آیندها و روندها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="347"/>
        <source>Before</source>
        <translation>پیش</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="347"/>
        <source>Match</source>
        <translation>یافته</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="347"/>
        <source>After</source>
        <translation>پس</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="348"/>
        <source>Concordance lines: Enter opens the article at the match</source>
        <translation>سطرهای هم‌نمایی: Enter خبر را در جای یافته باز می‌کند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="349"/>
        <source>Collocate</source>
        <translation>هم‌آیند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="349"/>
        <source>Count</source>
        <translation>شمار</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="349"/>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="350"/>
        <source>Collocations, ranked by log-likelihood</source>
        <translation>هم‌آیندها، به ترتیب درست‌نمایی لگاریتمی</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="351"/>
        <source>Trend chart: arrow keys move between periods</source>
        <translation>نمودار روند: کلیدهای جهت میان دوره‌ها می‌روند</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="352"/>
        <source>articles</source>
        <translation>خبر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="352"/>
        <source>occurrences</source>
        <translation>بار</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="353"/>
        <source>per {per} articles</source>
        <translation>در هر {per} خبر</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="353"/>
        <source>archive</source>
        <translation>بایگان</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="354"/>
        <source>undated</source>
        <translation>بی‌تاریخ</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="355"/>
        <source>Save as PNG…</source>
        <translation>ذخیره با PNG…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="356"/>
        <source>Save the trend chart as a PNG image</source>
        <translation>ذخیرهٔ نمودار روند به صورت تصویر PNG</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="357"/>
        <source>Save as SVG…</source>
        <translation>ذخیره با SVG…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="358"/>
        <source>Save the trend chart as an SVG image</source>
        <translation>ذخیرهٔ نمودار روند به صورت تصویر SVG</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="359"/>
        <source>Save as CSV…</source>
        <translation>ذخیره با CSV…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="360"/>
        <source>Save the trend figures as a CSV table</source>
        <translation>ذخیرهٔ شمارهای روند به صورت جدول CSV</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="361"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="362"/>
        <source>Close the concordance and trends window</source>
        <translation>بستن پنجرهٔ هم‌نمایی و روندها</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="369"/>
        <source>Reading the matching articles…</source>
        <translation>در حال خواندن خبرهای یافته…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="371"/>
        <source>Type a word or a phrase and press Enter.</source>
        <translation>واژه یا عبارتی بنویسید و Enter را بزنید.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="373"/>
        <source>{total} occurrences; {shown} lines listed.</source>
        <translation>{total} بار آمده است؛ {shown} سطر فهرست شد.</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/dialog.py" line="377"/>
        <source>Undated articles (not in the chart): {counts}.</source>
        <translation>خبرهای بی‌تاریخ (در نمودار نیستند): {counts}.</translation>
    </message>
</context>
<context>
    <name>DiscourseMenu</name>
    <message>
        <location filename="../../viewer/gui/discourse/install.py" line="54"/>
        <source>Concordance and trends…</source>
        <translation>هم‌نمایی و روندها…</translation>
    </message>
    <message>
        <location filename="../../viewer/gui/discourse/install.py" line="55"/>
        <source>Every occurrence of a word in context, the words around it, and its trend over time</source>
        <translation>هر بار آمدن یک واژه در متنش، واژه‌های پیرامونش و روند آن در گذر زمان</translation>
    </message>
</context>
</TS>
