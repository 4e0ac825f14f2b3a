<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>Accessible</name>
    <message>
        <source>Clear the text</source>
        <translation>پاک کردن متن</translation>
    </message>
</context>
<context>
    <name>ArticlePane</name>
    <message>
        <source>Article text</source>
        <translation>متن خبر</translation>
    </message>
    <message>
        <source>Hits in the article</source>
        <translation>یافته‌ها در خبر</translation>
    </message>
    <message>
        <source>Page images</source>
        <translation>تصویر صفحه</translation>
    </message>
    <message>
        <source>Show the scanned pages beside the text read from them</source>
        <translation>نمایش صفحه‌های اسکن‌شده کنار متنی که از آن‌ها خوانده شده</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>صفحه‌های اسکن‌شده</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>صفحهٔ {number}</translation>
    </message>
    <message>
        <source>The page images cannot be shown: {reason}</source>
        <translation>تصویر صفحه‌ها نمایش داده نمی‌شود: {reason}</translation>
    </message>
    <message>
        <source>Reading the scanned pages…</source>
        <translation>در حال خواندن صفحه‌های اسکن‌شده…</translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation>یافتهٔ بعدی</translation>
    </message>
    <message>
        <source>Picture missing: {name}</source>
        <translation>تصویر پیدا نشد: {name}</translation>
    </message>
    <message>
        <source>Click to enlarge</source>
        <translation>برای بزرگ‌نمایی کلیک کنید</translation>
    </message>
    <message>
        <source>Previous hit</source>
        <translation>یافتهٔ قبلی</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>متن بزرگ‌تر</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>متن کوچک‌تر</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation type="vanished">یافتهٔ قبلی (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>قبلی</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation type="vanished">یافتهٔ بعدی (F3)</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation type="vanished">متن کوچک‌تر (Ctrl+-)</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+=)</source>
        <translation type="vanished">متن بزرگ‌تر (Ctrl+=)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>News code</source>
        <translation>کد خبر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>پیوند</translation>
    </message>
    <message>
        <source>This article is very long: the first {shown} of its {total} characters are shown.</source>
        <translation>این مقاله بسیار بلند است: {shown} نویسهٔ نخست از {total} نویسهٔ آن نشان داده شده است.</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>نمایش بیشتر</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Highlight in colour</source>
        <translation>برجسته‌سازی به رنگ</translation>
    </message>
    <message>
        <source>Selection toolbar: colours, note, copy</source>
        <translation>نوار ابزار متن برگزیده: رنگ‌ها، یادداشت، رونوشت</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <source>Delete the chosen collection</source>
        <translation>حذف مجموعهٔ برگزیده</translation>
    </message>
    <message>
        <source>Export the chosen collection…</source>
        <translation>برون‌بری مجموعهٔ برگزیده…</translation>
    </message>
    <message>
        <source>Collections: choosing one shows only its articles</source>
        <translation>مجموعه‌ها: با برگزیدن یکی فقط خبرهای آن می‌مانند</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>همهٔ خبرها</translation>
    </message>
    <message>
        <source>Collection created: {name}</source>
        <translation>مجموعه ساخته شد: {name}</translation>
    </message>
    <message>
        <source>Collection deleted: {name}</source>
        <translation>مجموعه حذف شد: {name}</translation>
    </message>
    <message>
        <source>{count} articles added to {name}</source>
        <translation>{count} خبر به {name} افزوده شد</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>مجموعه‌ها</translation>
    </message>
    <message>
        <source>New collection name</source>
        <translation>نام مجموعهٔ تازه</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>بساز</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>خروجی…</translation>
    </message>
</context>
<context>
    <name>CopiesBar</name>
    <message>
        <source>Saved in {count} files: {files}</source>
        <translation>در {count} پرونده: {files}</translation>
    </message>
    <message>
        <source>Near duplicates: {articles}</source>
        <translation>بازنشرهای همین خبر: {articles}</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>خطایی پیش آمد: {error}</translation>
    </message>
    <message>
        <source>Bayegan</source>
        <translation>بایگان</translation>
    </message>
</context>
<context>
    <name>DiscourseDialog</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>تصویرهای PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>تصویرهای SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>جدول‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the trend</source>
        <translation>ذخیرهٔ روند</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>روندها</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>نوشتن {path} ممکن نشد: {error}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} ذخیره شد</translation>
    </message>
    <message>
        <source>Concordance and trends</source>
        <translation>هم‌نمایی و روندها</translation>
    </message>
    <message>
        <source>&amp;Word or phrase:</source>
        <translation>&amp;واژه یا عبارت:</translation>
    </message>
    <message>
        <source>Word or phrase for the concordance and collocations</source>
        <translation>واژه یا عبارت برای هم‌نمایی و هم‌آیندها</translation>
    </message>
    <message>
        <source>a word, or &quot;a phrase&quot; in quotes</source>
        <translation>یک واژه، یا «عبارتی» در گیومه</translation>
    </message>
    <message>
        <source>&amp;Trend of:</source>
        <translation>&amp;روند:</translation>
    </message>
    <message>
        <source>Queries for the trend chart, separated by commas</source>
        <translation>عبارت‌های نمودار روند، جدا با ویرگول</translation>
    </message>
    <message>
        <source>queries separated by commas</source>
        <translation>عبارت‌ها جدا با ویرگول</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>ماهانه</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>سالانه</translation>
    </message>
    <message>
        <source>Trend period</source>
        <translation>دورهٔ روند</translation>
    </message>
    <message>
        <source>Jalali</source>
        <translation>خورشیدی</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>تقویم</translation>
    </message>
    <message>
        <source>Per 10,000 articles</source>
        <translation>در هر ۱۰٬۰۰۰ خبر</translation>
    </message>
    <message>
        <source>Show the trend per 10,000 articles of each period</source>
        <translation>روند را به نسبت هر ۱۰٬۰۰۰ خبر هر دوره نشان بده</translation>
    </message>
    <message>
        <source>&amp;Sort lines by:</source>
        <translation>&amp;ترتیب سطرها:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Words before</source>
        <translation>واژه‌های پیش</translation>
    </message>
    <message>
        <source>Words after</source>
        <translation>واژه‌های پس</translation>
    </message>
    <message>
        <source>Sort the concordance lines by</source>
        <translation>ترتیب سطرهای هم‌نمایی</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>بیاب</translation>
    </message>
    <message>
        <source>Find the concordance, collocations and trends</source>
        <translation>یافتن هم‌نمایی، هم‌آیندها و روندها</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>پیش</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>یافته</translation>
    </message>
    <message>
        <source>After</source>
        <translation>پس</translation>
    </message>
    <message>
        <source>Concordance lines: Enter opens the article at the match</source>
        <translation>سطرهای هم‌نمایی: Enter خبر را در جای یافته باز می‌کند</translation>
    </message>
    <message>
        <source>Collocate</source>
        <translation>هم‌آیند</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>شمار</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Collocations, ranked by log-likelihood</source>
        <translation>هم‌آیندها، به ترتیب درست‌نمایی لگاریتمی</translation>
    </message>
    <message>
        <source>Trend chart: arrow keys move between periods</source>
        <translation>نمودار روند: کلیدهای جهت میان دوره‌ها می‌روند</translation>
    </message>
    <message>
        <source>articles</source>
        <translation>خبر</translation>
    </message>
    <message>
        <source>occurrences</source>
        <translation>بار</translation>
    </message>
    <message>
        <source>per {per} articles</source>
        <translation>در هر {per} خبر</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>بایگان</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>بی‌تاریخ</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>ذخیره با PNG…</translation>
    </message>
    <message>
        <source>Save the trend chart as a PNG image</source>
        <translation>ذخیرهٔ نمودار روند به صورت تصویر PNG</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>ذخیره با SVG…</translation>
    </message>
    <message>
        <source>Save the trend chart as an SVG image</source>
        <translation>ذخیرهٔ نمودار روند به صورت تصویر SVG</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>ذخیره با CSV…</translation>
    </message>
    <message>
        <source>Save the trend figures as a CSV table</source>
        <translation>ذخیرهٔ شمارهای روند به صورت جدول CSV</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Close the concordance and trends window</source>
        <translation>بستن پنجرهٔ هم‌نمایی و روندها</translation>
    </message>
    <message>
        <source>Reading the matching articles…</source>
        <translation>در حال خواندن خبرهای یافته…</translation>
    </message>
    <message>
        <source>Type a word or a phrase and press Enter.</source>
        <translation>واژه یا عبارتی بنویسید و Enter را بزنید.</translation>
    </message>
    <message>
        <source>{total} occurrences; {shown} lines listed.</source>
        <translation>{total} بار آمده است؛ {shown} سطر فهرست شد.</translation>
    </message>
    <message>
        <source>Undated articles (not in the chart): {counts}.</source>
        <translation>خبرهای بی‌تاریخ (در نمودار نیستند): {counts}.</translation>
    </message>
</context>
<context>
    <name>DiscourseMenu</name>
    <message>
        <source>Concordance and trends…</source>
        <translation>هم‌نمایی و روندها…</translation>
    </message>
    <message>
        <source>Every occurrence of a word in context, the words around it, and its trend over time</source>
        <translation>هر بار آمدن یک واژه در متنش، واژه‌های پیرامونش و روند آن در گذر زمان</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicates: Enter opens an article</source>
        <translation>خبرهای تکراری: Enter خبر را باز می‌کند</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>خبرهای تکراری</translation>
    </message>
    <message>
        <source>Story or article</source>
        <translation>خبر و نسخه‌هایش</translation>
    </message>
    <message>
        <source>Date and files</source>
        <translation>تاریخ و پرونده‌ها</translation>
    </message>
    <message>
        <source>Finding duplicates…</source>
        <translation>یافتن خبرهای تکراری…</translation>
    </message>
    <message>
        <source>No duplicates: every article is one story in one file.</source>
        <translation>تکراری‌ای نیست: هر خبر یک بار و در یک پرونده آمده است.</translation>
    </message>
    <message>
        <source>{stories} stories told by several articles, {files} articles saved in several files. Enter or a double click opens an article.</source>
        <translation>{stories} خبر با چند نسخه، {files} خبر در چند پرونده. ‏Enter یا دوکلیک خبر را باز می‌کند.</translation>
    </message>
    <message>
        <source>{count} articles: {title}</source>
        <translation>{count} خبر: {title}</translation>
    </message>
    <message>
        <source>{count} files</source>
        <translation>{count} پرونده</translation>
    </message>
</context>
<context>
    <name>EmptyNotice</name>
    <message>
        <source>Nothing matches «{query}».
Try fewer or other words, a shorter form (اصفهان rather than اصفهانی), or clear the tag filters.</source>
        <translation>هیچ مقاله‌ای با «{query}» جور نیست.
واژه‌های کمتر یا دیگری، شکل کوتاه‌تر (اصفهان به جای اصفهانی) را بیازمایید، یا صافی برچسب‌ها را پاک کنید.</translation>
    </message>
    <message>
        <source>Indexing the archive… its articles appear here as soon as it is done.</source>
        <translation>بایگانی در حال نمایه شدن است… خبرهایش به محض پایان کار همین‌جا می‌آیند.</translation>
    </message>
    <message>
        <source>The archive is empty. Add a folder of articles from the File menu.</source>
        <translation>بایگان خالی است. از منوی «پرونده» پوشه‌ای از مقاله‌ها بیفزایید.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Choose the PDF file…</source>
        <translation>انتخاب پروندهٔ PDF…</translation>
    </message>
    <message>
        <source>PDF file to write</source>
        <translation>پروندهٔ PDF که نوشته می‌شود</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>خروجی PDF</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation type="vanished">چه خبرهایی</translation>
    </message>
    <message>
        <source>The open article</source>
        <translation type="vanished">خبر باز</translation>
    </message>
    <message>
        <source>The selected articles ({n})</source>
        <translation type="vanished">خبرهای برگزیده ({n})</translation>
    </message>
    <message>
        <source>All results of the search ({n})</source>
        <translation type="vanished">همهٔ نتیجه‌های جست‌وجو ({n})</translation>
    </message>
    <message>
        <source>All articles with notes ({n})</source>
        <translation type="vanished">همهٔ خبرهای یادداشت‌دار ({n})</translation>
    </message>
    <message>
        <source>With highlights and notes</source>
        <translation>با برجسته‌ها و یادداشت‌ها</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Open the PDF when it is written</source>
        <translation>پس از نوشتن، PDF را باز کن</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>نویسنده:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>خروجی بگیر</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>ذخیرهٔ PDF با نام</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>پرونده‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>پوشهٔ {folder} وجود ندارد.</translation>
    </message>
    <message>
        <source>The archive is not open yet.</source>
        <translation>بایگان هنوز باز نشده است.</translation>
    </message>
    <message>
        <source>Exported {count} articles ({pages} pages) to {path}</source>
        <translation>{count} خبر ({pages} صفحه) در {path} ذخیره شد</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>خروجی گرفتن لغو شد.</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>Exporting…</source>
        <translation>در حال ساختن PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>خروجی PDF</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
</context>
<context>
    <name>ExportListDialog</name>
    <message>
        <source>Export list</source>
        <translation>خروجی فهرست</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>قالب:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>پرونده:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>انتخاب پرونده</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>خروجی بگیر</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>پوشهٔ {folder} وجود ندارد.</translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <source>Collection «{name}»  ✕</source>
        <translation>مجموعهٔ «{name}»  ✕</translation>
    </message>
    <message>
        <source>Remove the collection filter «{name}»</source>
        <translation>برداشتن پالایهٔ مجموعهٔ «{name}»</translation>
    </message>
    <message>
        <source>Tag «{name}»  ✕</source>
        <translation>برچسب «{name}»  ✕</translation>
    </message>
    <message>
        <source>Remove the tag filter «{name}»</source>
        <translation>برداشتن پالایهٔ برچسب «{name}»</translation>
    </message>
</context>
<context>
    <name>FoldersDialog</name>
    <message>
        <source>Remove the chosen folder</source>
        <translation>حذف پوشهٔ برگزیده</translation>
    </message>
    <message>
        <source>Choose a folder of articles</source>
        <translation type="vanished">پوشه‌ای از خبرها را برگزینید</translation>
    </message>
    <message>
        <source>Choose folders of articles (several with Ctrl)</source>
        <translation>پوشه‌های خبر را برگزینید (چندتایی با Ctrl)</translation>
    </message>
    <message>
        <source>Archive folders</source>
        <translation>پوشه‌های بایگانی</translation>
    </message>
    <message>
        <source>Bayegan indexes the .txt, .json, .jsonl and .html articles in these folders. With no folder, the bundled sample archive is shown.</source>
        <translation>بایگان خبرهای ‎.txt، ‎.json، ‎.jsonl و ‎.html این پوشه‌ها را نمایه می‌کند. اگر پوشه‌ای انتخاب نشده باشد، بایگانی نمونهٔ همراه برنامه نشان داده می‌شود.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>افزودن پوشه…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Clear the search box</source>
        <translation>پاک کردن جعبهٔ جست‌وجو</translation>
    </message>
    <message>
        <source>Search now</source>
        <translation>جست‌وجو همین حالا</translation>
    </message>
    <message>
        <source>Move between the search box, tags, results, article and notes</source>
        <translation>رفتن میان جعبهٔ جست‌وجو، برچسب‌ها، نتیجه‌ها، مقاله و یادداشت‌ها</translation>
    </message>
    <message>
        <source>Select text in the article (after Tab into it)</source>
        <translation>برگزیدن متن در مقاله (پس از رفتن به آن با Tab)</translation>
    </message>
    <message>
        <source>Highlight or note the selection (context menu)</source>
        <translation>برجسته‌سازی یا یادداشت بر متن برگزیده (منوی زمینه)</translation>
    </message>
    <message>
        <source>Undo, redo in the notes panel</source>
        <translation>واگرد و ازنو در بخش یادداشت‌ها</translation>
    </message>
    <message>
        <source>Save a note (in the note dialog)</source>
        <translation>ذخیرهٔ یادداشت (در پنجرهٔ یادداشت)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>articles with both words (AND is the default)</source>
        <translation>مقاله‌هایی که هر دو واژه را دارند (پیش‌فرض: «و»)</translation>
    </message>
    <message>
        <source>the exact phrase</source>
        <translation>همین عبارت، پشت سر هم</translation>
    </message>
    <message>
        <source>either word (also یا)</source>
        <translation>یکی از دو واژه (یا: «یا»)</translation>
    </message>
    <message>
        <source>without the word (also NOT)</source>
        <translation>بدون این واژه (یا: NOT)</translation>
    </message>
    <message>
        <source>the word in the title (also عنوان:)</source>
        <translation>واژه در عنوان (یا: عنوان:)</translation>
    </message>
    <message>
        <source>articles with that tag (also برچسب:)</source>
        <translation>مقاله‌های دارای این برچسب (یا: برچسب:)</translation>
    </message>
    <message>
        <source>words starting with it</source>
        <translation>واژه‌هایی که با آن آغاز می‌شوند</translation>
    </message>
    <message>
        <source>words one or two letters away</source>
        <translation>واژه‌هایی با یکی دو حرف تفاوت</translation>
    </message>
    <message>
        <source>Every spelling of a word is found (ی/ي, ک/ك, digits, half-spaces), and its other forms.</source>
        <translation>همهٔ نوشتارهای یک واژه (ی/ي، ک/ك، رقم‌ها، نیم‌فاصله) و شکل‌های دیگر آن یافته می‌شوند.</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>زبان جست‌وجو</translation>
    </message>
    <message>
        <source>Bayegan</source>
        <translation>بایگان</translation>
    </message>
    <message>
        <source>An offline archive viewer for Persian news articles: it finds every spelling of a word, shows articles right to left, keeps your highlights and notes, and exports them as PDF.</source>
        <translation>نمایشگر آفلاین بایگانی خبرهای فارسی: هر املای یک واژه را پیدا می‌کند، خبرها را راست‌به‌چپ نشان می‌دهد، برجسته‌سازی‌ها و یادداشت‌های شما را نگه می‌دارد و آن‌ها را به PDF برون‌بری می‌کند.</translation>
    </message>
    <message>
        <source>Font: Vazirmatn (SIL Open Font License). Licence: Apache-2.0.</source>
        <translation>قلم: وزیرمتن (SIL Open Font License). پروانه: Apache-2.0.</translation>
    </message>
    <message>
        <source>About Bayegan</source>
        <translation>دربارهٔ بایگان</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>Files not taken in, with the reason</source>
        <translation>پرونده‌هایی که خوانده نشدند، با دلیل</translation>
    </message>
    <message>
        <source>Files not taken in</source>
        <translation>پرونده‌هایی که خوانده نشدند</translation>
    </message>
    <message>
        <source>{failed} files could not be read; {skipped} were skipped.</source>
        <translation type="vanished">{failed} پرونده خوانده نشد؛ از {skipped} پرونده گذشتیم.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>خوانده نشد</translation>
    </message>
    <message>
        <source>Skipped (a type Bayegan does not read)</source>
        <translation>کنار گذاشته شد (نوعی که بایگان نمی‌خواند)</translation>
    </message>
    <message>
        <source>{failed} files could not be read; {skipped} were skipped</source>
        <translation>{failed} پرونده خوانده نشد؛ از {skipped} پرونده گذشتیم</translation>
    </message>
    <message>
        <source>{failed} files could not be read</source>
        <translation>{failed} پرونده خوانده نشد</translation>
    </message>
    <message>
        <source>{skipped} files skipped</source>
        <translation>از {skipped} پرونده گذشتیم</translation>
    </message>
</context>
<context>
    <name>IndexingStatus</name>
    <message>
        <source>Indexing progress</source>
        <translation>پیشرفت نمایه‌سازی</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>لغو نمایه‌سازی</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>در حال نمایه‌سازی…</translation>
    </message>
    <message>
        <source>Indexing {done}/{total}: {name}</source>
        <translation type="vanished">نمایه‌سازی {done} از {total}: {name}</translation>
    </message>
    <message>
        <source>Indexing {done} of {total} articles: {name}</source>
        <translation>نمایه‌سازی {done} از {total} خبر: {name}</translation>
    </message>
    <message>
        <source>Indexing {done} of {total} articles and pages: {name}</source>
        <translation>نمایه‌سازی {done} از {total} خبر و صفحه: {name}</translation>
    </message>
    <message>
        <source>OCR page {page} of {pages} — {name}</source>
        <translation>نویسه‌خوانی صفحهٔ {page} از {pages} — {name}</translation>
    </message>
    <message>
        <source>Saving the index…</source>
        <translation>نوشتن نمایه…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Stop indexing; what was read so far is kept</source>
        <translation>توقف نمایه‌سازی؛ نمایه همان‌گونه که بود می‌ماند</translation>
    </message>
    <message>
        <source>The total grows as files are read: a file not read yet counts as one article until it is, and a page read by OCR counts as one.</source>
        <translation>شمار کل با خواندن پرونده‌ها بیشتر می‌شود: پرونده‌ای که هنوز خوانده نشده یک خبر به شمار می‌آید تا خوانده شود، و هر صفحه‌ای که نویسه‌خوانی (OCR) می‌شود نیز یکی به شمار می‌آید.</translation>
    </message>
</context>
<context>
    <name>LabControl</name>
    <message>
        <source>Lab…</source>
        <translation>آزمایشگاه…</translation>
    </message>
    <message>
        <source>Lab: not synced yet</source>
        <translation>آزمایشگاه: هنوز همگام نشده</translation>
    </message>
    <message>
        <source>Lab: syncing…</source>
        <translation>آزمایشگاه: در حال همگام‌سازی…</translation>
    </message>
    <message>
        <source>Lab: received; sending refused (read-only role)</source>
        <translation>آزمایشگاه: دریافت شد؛ فرستادن پذیرفته نشد (نقش فقط‌خواندنی)</translation>
    </message>
    <message>
        <source>Lab: synced</source>
        <translation>آزمایشگاه: همگام است</translation>
    </message>
    <message>
        <source>Received from the lab: %1 changes to notes, collections or saved searches</source>
        <translation>از آزمایشگاه رسید: %1 تغییر در یادداشت‌ها، مجموعه‌ها یا جست‌وجوهای ذخیره‌شده</translation>
    </message>
    <message>
        <source>Notes received from the lab: %1</source>
        <translation type="vanished">یادداشت‌های دریافتی از آزمایشگاه: %1</translation>
    </message>
    <message>
        <source>Lab: offline — changes wait here</source>
        <translation>آزمایشگاه: بی‌پیوند — تغییرها همین‌جا می‌مانند</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>در حال پیوستن…</translation>
    </message>
</context>
<context>
    <name>LabDialog</name>
    <message>
        <source>Research lab</source>
        <translation>آزمایشگاه پژوهشی</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>نشانی کارساز:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Your name in the lab:</source>
        <translation>نام شما در آزمایشگاه:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>پیوستن</translation>
    </message>
    <message>
        <source>Leave the lab</source>
        <translation>ترک آزمایشگاه</translation>
    </message>
    <message>
        <source>This desktop is in the lab at %1 as %2.</source>
        <translation>این رایانه با نام %2 عضو آزمایشگاه %1 است.</translation>
    </message>
    <message>
        <source>This desktop is in no lab. Your notes stay here either way.</source>
        <translation>این رایانه عضو آزمایشگاهی نیست. یادداشت‌های شما در هر حال همین‌جا می‌مانند.</translation>
    </message>
</context>
<context>
    <name>LocalFileModel</name>
    <message>
        <source>Folder</source>
        <translation>پوشه</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Choose a folder of articles</source>
        <translation type="vanished">پوشه‌ای از خبرها را برگزینید</translation>
    </message>
    <message>
        <source>Indexed: {added} added, {updated} updated, {removed} removed</source>
        <translation type="vanished">نمایه‌سازی شد: {added} افزوده، {updated} به‌روز، {removed} حذف</translation>
    </message>
    <message>
        <source>Too late to cancel: indexing had finished.</source>
        <translation>برای لغو دیر بود: نمایه‌سازی تمام شده بود.</translation>
    </message>
    <message>
        <source>Indexing cancelled: nothing of this run was saved; the archive still holds {count} articles.</source>
        <translation>نمایه‌سازی لغو شد: چیزی از این دور ذخیره نشد؛ بایگان همچنان {count} مقاله دارد.</translation>
    </message>
    <message>
        <source>Indexing cancelled: the archive is empty. Re-scan (F5) to index the folders.</source>
        <translation>نمایه‌سازی لغو شد: بایگان خالی است. برای نمایه‌سازی پوشه‌ها دوباره بخوانید (F5).</translation>
    </message>
    <message>
        <source>{count} articles in the archive</source>
        <translation>{count} خبر در بایگانی</translation>
    </message>
    <message>
        <source>Bayegan — Persian news archive</source>
        <translation>بایگان — بایگانی خبرهای فارسی</translation>
    </message>
    <message>
        <source>Choose folders of articles (several with Ctrl)</source>
        <translation>پوشه‌های خبر را برگزینید (چندتایی با Ctrl)</translation>
    </message>
    <message>
        <source>{count} sample articles added</source>
        <translation>{count} خبر نمونه افزوده شد</translation>
    </message>
    <message>
        <source>{count} articles added</source>
        <translation>{count} خبر افزوده شد</translation>
    </message>
    <message>
        <source>{count} articles updated (their files changed)</source>
        <translation>{count} خبر به‌روز شد (پرونده‌اش تغییر کرده بود)</translation>
    </message>
    <message>
        <source>{count} sample articles removed from the index: your folders replace the bundled sample</source>
        <translation>{count} خبر نمونه از نمایه برداشته شد: پوشه‌های شما جای نمونه را گرفتند</translation>
    </message>
    <message>
        <source>{count} articles removed from the index (their files are no longer in the folders)</source>
        <translation>{count} خبر از نمایه برداشته شد (پرونده‌هایشان دیگر در پوشه‌ها نیست)</translation>
    </message>
    <message>
        <source>Indexed: nothing changed</source>
        <translation>نمایه‌سازی شد: چیزی تغییر نکرد</translation>
    </message>
    <message>
        <source>Indexed: {changes}</source>
        <translation>نمایه‌سازی شد: {changes}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>Edit (Enter)</source>
        <translation>ویرایش (Enter)</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>حذف (Del)</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>حذف یادداشت</translation>
    </message>
    <message>
        <source>Reply… (Enter sends, Esc cancels)</source>
        <translation>پاسخ… (Enter می‌فرستد، Esc لغو می‌کند)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>پاسخ</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Select some text in the article first.</source>
        <translation>نخست بخشی از متن خبر را برگزینید.</translation>
    </message>
    <message>
        <source>Highlight without a note</source>
        <translation>برجسته‌سازی بدون یادداشت</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ناشناس</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>و {count} یادداشت دیگر</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
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
        <source>Your name on notes</source>
        <translation>نام شما روی یادداشت‌ها</translation>
    </message>
    <message>
        <source>The name shown on your notes and replies (you can change it later under View):</source>
        <translation>نامی که کنار یادداشت‌ها و پاسخ‌های شما می‌آید (بعداً از منوی نما می‌توانید آن را تغییر دهید):</translation>
    </message>
    <message>
        <source>Your name on notes…</source>
        <translation>نام شما روی یادداشت‌ها…</translation>
    </message>
</context>
<context>
    <name>NotesOnlyBox</name>
    <message>
        <source>Only articles with notes</source>
        <translation>فقط خبرهای یادداشت‌دار</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Highlight colour</source>
        <translation>رنگ برجسته‌سازی</translation>
    </message>
    <message>
        <source>Highlights and notes of the article</source>
        <translation type="vanished">برجسته‌سازی‌ها و یادداشت‌های خبر</translation>
    </message>
    <message>
        <source>More: export and import notes</source>
        <translation type="vanished">بیشتر: برون‌بری و درون‌بری یادداشت‌ها</translation>
    </message>
    <message>
        <source>{title} ({count} notes)</source>
        <translation>{title} ({count} یادداشت)</translation>
    </message>
    <message>
        <source>Not found in the text any more</source>
        <translation>دیگر در متن یافت نمی‌شود</translation>
    </message>
    <message>
        <source>On the whole article</source>
        <translation>دربارهٔ کل خبر</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ناشناس</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="vanished">افزودن یادداشت</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="vanished">برجسته‌سازی</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="vanished">نظر</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>حذف یادداشت</translation>
    </message>
    <message>
        <source>Comment on the article</source>
        <translation>نظر دربارهٔ خبر</translation>
    </message>
    <message>
        <source>Your comment on the whole article:</source>
        <translation>نظر شما دربارهٔ کل خبر:</translation>
    </message>
    <message>
        <source>Your reply:</source>
        <translation>پاسخ شما:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
    <message>
        <source>Deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>حذف شد. با «واگرد» (Ctrl+Z) برمی‌گردد.</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation type="vanished">پاسخ…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>{added} notes added, {updated} updated, {skipped} already here, {orphaned} not placed in this archive.</source>
        <translation>{added} یادداشت افزوده شد، {updated} به‌روز شد، {skipped} از پیش بود، {orphaned} در این بایگان جایی نیافت.</translation>
    </message>
    <message>
        <source>Export notes</source>
        <translation>برون‌بری یادداشت‌ها</translation>
    </message>
    <message>
        <source>Web Annotation (*.jsonld *.json)</source>
        <translation>یادداشت وب (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>Could not write {file}: {error}</source>
        <translation type="vanished">نوشتن {file} ممکن نشد: {error}</translation>
    </message>
    <message>
        <source>{count} notes exported.</source>
        <translation>{count} یادداشت برون‌بری شد.</translation>
    </message>
    <message>
        <source>Import notes</source>
        <translation>درون‌بری یادداشت‌ها</translation>
    </message>
    <message>
        <source>Find in notes</source>
        <translation>جست‌وجو در یادداشت‌ها</translation>
    </message>
    <message>
        <source>Articles with notes</source>
        <translation>خبرهای یادداشت‌دار</translation>
    </message>
    <message>
        <source>Highlight the selected text in the chosen colour</source>
        <translation type="vanished">متن برگزیده را با رنگ انتخاب‌شده برجسته کن</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation type="vanished">یادداشت…</translation>
    </message>
    <message>
        <source>Highlight the selected text and write a note on it</source>
        <translation type="vanished">متن برگزیده را برجسته کن و بر آن یادداشت بنویس</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation type="vanished">نظر…</translation>
    </message>
    <message>
        <source>A comment on the whole article</source>
        <translation type="vanished">نظری دربارهٔ کل خبر</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ازنو</translation>
    </message>
    <message>
        <source>Export and import notes</source>
        <translation type="vanished">برون‌بری و درون‌بری یادداشت‌ها</translation>
    </message>
    <message>
        <source>Highlight the selection</source>
        <translation>برجسته‌سازی متن برگزیده</translation>
    </message>
    <message>
        <source>Note on the selection…</source>
        <translation>یادداشت بر متن برگزیده…</translation>
    </message>
    <message>
        <source>Export notes (Web Annotation)…</source>
        <translation>برون‌بری یادداشت‌ها (Web Annotation)…</translation>
    </message>
    <message>
        <source>Import a colleague&apos;s notes…</source>
        <translation>درون‌بری یادداشت‌های همکار…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>همهٔ نویسندگان</translation>
    </message>
    <message>
        <source>Show the notes of one author</source>
        <translation>یادداشت‌های یک نویسنده را نشان بده</translation>
    </message>
    <message>
        <source>Filter by author</source>
        <translation>پالایش بر پایهٔ نویسنده</translation>
    </message>
    <message>
        <source>More: highlight, comment, colour, undo, export and import</source>
        <translation>بیشتر: برجسته‌سازی، نظر، رنگ، واگرد، برون‌بری و درون‌بری</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>کارهای بیشتر</translation>
    </message>
    <message>
        <source>Notes on this article</source>
        <translation>یادداشت‌های این خبر</translation>
    </message>
    <message>
        <source>No notes here yet. Select text in the article and press Ctrl+Shift+N to write one, or Ctrl+Shift+H to highlight it.</source>
        <translation>هنوز یادداشتی اینجا نیست. متنی را در خبر برگزینید و برای نوشتن یادداشت Ctrl+Shift+N یا برای برجسته‌سازی Ctrl+Shift+H را بزنید.</translation>
    </message>
    <message>
        <source>Comment on the whole article…</source>
        <translation>نظر دربارهٔ کل خبر…</translation>
    </message>
    <message>
        <source>Reply (R)</source>
        <translation>پاسخ (R)</translation>
    </message>
    <message>
        <source>Edit… (Enter)</source>
        <translation>ویرایش… (Enter)</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>حذف (Del)</translation>
    </message>
    <message>
        <source>Undo {change}</source>
        <translation>واگرد {change}</translation>
    </message>
    <message>
        <source>Redo {change}</source>
        <translation>ازنو {change}</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>برگردانده شد: {change}</translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation>دوباره انجام شد: {change}</translation>
    </message>
    <message>
        <source>Add note «{text}»</source>
        <translation>افزودن یادداشت «{text}»</translation>
    </message>
    <message>
        <source>Highlight «{text}»</source>
        <translation>برجسته‌سازی «{text}»</translation>
    </message>
    <message>
        <source>Add comment «{text}»</source>
        <translation>افزودن نظر «{text}»</translation>
    </message>
    <message>
        <source>Add reply</source>
        <translation>افزودن پاسخ</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>تغییر رنگ</translation>
    </message>
    <message>
        <source>Delete note «{text}»</source>
        <translation>حذف یادداشت «{text}»</translation>
    </message>
    <message>
        <source>Reply in a window…</source>
        <translation>پاسخ در پنجره…</translation>
    </message>
</context>
<context>
    <name>ProblemsButton</name>
    <message>
        <source>{count} files not taken in…</source>
        <translation type="vanished">{count} پرونده خوانده نشد…</translation>
    </message>
    <message>
        <source>Which files were not read, and why</source>
        <translation>کدام پرونده‌ها خوانده نشدند، و چرا</translation>
    </message>
    <message>
        <source>Files not taken in</source>
        <translation>پرونده‌هایی که به بایگان نیامدند</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;جستجو در:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>پرونده‌هایی از &amp;نوع:</translation>
    </message>
</context>
<context>
    <name>ReferenceActions</name>
    <message>
        <source>Citation copied</source>
        <translation>ارجاع رونوشت شد</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation type="vanished">خروجی فهرست</translation>
    </message>
    <message>
        <source>{count} articles written to {file}</source>
        <translation>{count} خبر در {file} نوشته شد</translation>
    </message>
    <message>
        <source>Add to collection</source>
        <translation>افزودن به مجموعه</translation>
    </message>
    <message>
        <source>No collections yet: create one in the side panel</source>
        <translation>هنوز مجموعه‌ای نیست: در پنل کناری یکی بسازید</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>رونوشت ارجاع</translation>
    </message>
    <message>
        <source>Copy as BibTeX</source>
        <translation>رونوشت به‌صورت BibTeX</translation>
    </message>
    <message>
        <source>Export list (CSV, CSL-JSON, RIS, BibTeX)…</source>
        <translation>خروجی فهرست (CSV، CSL-JSON، RIS، BibTeX)…</translation>
    </message>
    <message>
        <source>Add to collection…</source>
        <translation>افزودن به مجموعه…</translation>
    </message>
</context>
<context>
    <name>ResearchPanels</name>
    <message>
        <source>Research</source>
        <translation>پژوهش</translation>
    </message>
    <message>
        <source>&amp;Research</source>
        <translation>&amp;پژوهش</translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <source>{count} copy</source>
        <translation>{count} نسخهٔ دیگر</translation>
    </message>
    <message>
        <source>{count} copies</source>
        <translation>{count} نسخهٔ دیگر</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Enter opens the article; + and − show and hide a story&apos;s copies</source>
        <translation>Enter خبر را باز می‌کند؛ + و − نسخه‌های دیگر یک خبر را نشان می‌دهند و پنهان می‌کنند</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتیجه‌های جست‌وجو</translation>
    </message>
</context>
<context>
    <name>SavedSearchesPanel</name>
    <message>
        <source>{name} ({total}, {new} new)</source>
        <translation>{name} ({total}، {new} تازه)</translation>
    </message>
    <message>
        <source>{name} ({total})</source>
        <translation>{name} ({total})</translation>
    </message>
    <message>
        <source>Search saved: {name}</source>
        <translation>جست‌وجو نگه داشته شد: {name}</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>جست‌وجوهای نگه‌داشته</translation>
    </message>
    <message>
        <source>Name for the current search</source>
        <translation>نامی برای جست‌وجوی کنونی</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>نگه‌داشتن</translation>
    </message>
    <message>
        <source>Enter opens a search; Delete removes it.</source>
        <translation>Enter جست‌وجو را باز می‌کند؛ Delete آن را برمی‌دارد.</translation>
    </message>
</context>
<context>
    <name>ScopeChooser</name>
    <message>
        <source>What to export</source>
        <translation>چه خبرهایی</translation>
    </message>
    <message>
        <source>The open article</source>
        <translation>خبر باز</translation>
    </message>
    <message>
        <source>Only the selected rows ({n})</source>
        <translation>فقط ردیف‌های برگزیده ({n})</translation>
    </message>
    <message>
        <source>The collection {name} ({n})</source>
        <translation>مجموعهٔ {name} ({n})</translation>
    </message>
    <message>
        <source>All results of the search ({n})</source>
        <translation>همهٔ نتیجه‌های جست‌وجو ({n})</translation>
    </message>
    <message>
        <source>All articles with notes ({n})</source>
        <translation>همهٔ خبرهای یادداشت‌دار ({n})</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Sort the results</source>
        <translation>ترتیب نتیجه‌ها</translation>
    </message>
    <message>
        <source>Words, &quot;phrases&quot;, -not, tag:…; the results follow as you type</source>
        <translation>واژه، «عبارت»، ‎-بجز، برچسب:…؛ نتیجه‌ها همراه نوشتن می‌آیند</translation>
    </message>
    <message>
        <source>Search the archive</source>
        <translation>جست‌وجو در بایگانی</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>در حال جست‌وجو…</translation>
    </message>
    <message>
        <source>… results</source>
        <translation>… نتیجه</translation>
    </message>
    <message>
        <source>Counting the results…</source>
        <translation>در حال شمردن نتیجه‌ها…</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>بدون نتیجه</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>۱ نتیجه</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} نتیجه</translation>
    </message>
    <message>
        <source>{count} results, {stories} stories</source>
        <translation>{count} نتیجه، {stories} خبر یکتا</translation>
    </message>
    <message>
        <source>None of these results has a date, so they cannot be sorted by date.</source>
        <translation>هیچ‌یک از این نتیجه‌ها تاریخ ندارد، پس نمی‌توان آن‌ها را بر پایهٔ تاریخ چید.</translation>
    </message>
    <message>
        <source>Did you mean: {suggestion}</source>
        <translation>منظورتان این بود: {suggestion}</translation>
    </message>
    <message>
        <source>Search the archive (Ctrl+F): words, &quot;phrases&quot;, -not, tag:…</source>
        <translation>جست‌وجو در بایگانی (Ctrl+F): واژه، «عبارت»، ‎-بجز، برچسب:…</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>ترتیب:</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>مرتبط‌ترین</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>تازه‌ترین</translation>
    </message>
    <message>
        <source> in collection «{name}»</source>
        <translation> در مجموعهٔ «{name}»</translation>
    </message>
    <message>
        <source> with tag «{tag}»</source>
        <translation> با برچسب «{tag}»</translation>
    </message>
    <message>
        <source> with tags {tags}</source>
        <translation> با برچسب‌های {tags}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <source>Selection toolbar</source>
        <translation>نوار ابزار متن برگزیده</translation>
    </message>
    <message>
        <source>Highlight in {colour}</source>
        <translation>برجسته‌سازی به رنگ {colour}</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>یادداشت…</translation>
    </message>
    <message>
        <source>Note on the selection</source>
        <translation>یادداشت بر متن برگزیده</translation>
    </message>
    <message>
        <source>Highlight the selected text and write a note on it</source>
        <translation>متن برگزیده را برجسته کن و بر آن یادداشت بنویس</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>رونوشت متن برگزیده</translation>
    </message>
    <message>
        <source>Cite</source>
        <translation>ارجاع</translation>
    </message>
    <message>
        <source>Copy as citation</source>
        <translation>رونوشت با ارجاع</translation>
    </message>
    <message>
        <source>Copy the selected text quoted, with the article&apos;s citation</source>
        <translation>رونوشت متن برگزیده در گیومه، با ارجاع خبر</translation>
    </message>
</context>
<context>
    <name>StoriesMenu</name>
    <message>
        <source>Count each story once in tag counts</source>
        <translation>هر خبر با نسخه‌هایش یک بار در شمار برچسب‌ها</translation>
    </message>
    <message>
        <source>A story and its republished copies (near duplicates) add one to a tag&apos;s count, not one each</source>
        <translation>یک خبر و بازنشرهای آن (نسخه‌های نزدیک) یک بار در شمار هر برچسب می‌آیند، نه هر کدام جدا</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>خبرهای تکراری…</translation>
    </message>
</context>
<context>
    <name>TagModel</name>
    <message>
        <source>«{tag}» is in none of these results</source>
        <translation>«{tag}» در هیچ‌یک از این نتیجه‌ها نیست</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>Tags of the results: Space ticks a tag to show only its articles</source>
        <translation>برچسب‌های نتیجه‌ها: کلید فاصله برچسبی را تیک می‌زند تا فقط خبرهای آن بمانند</translation>
    </message>
    <message>
        <source>Filter the tags</source>
        <translation>پالایش برچسب‌ها</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Filter tags…</source>
        <translation>پالایش برچسب‌ها…</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>پاک کردن همه</translation>
    </message>
    <message>
        <source>Uncheck every tag</source>
        <translation>برداشتن تیک همهٔ برچسب‌ها</translation>
    </message>
</context>
<context>
    <name>TimelineHistogram</name>
    <message>
        <source>{month}: {count} articles</source>
        <translation>{month}: {count} خبر</translation>
    </message>
    <message>
        <source>Timeline of the results</source>
        <translation>نمودار زمانی نتیجه‌ها</translation>
    </message>
    <message>
        <source>Drag over the months (or Shift+arrows, then Enter) to search that period; Escape shows every date again.</source>
        <translation>روی ماه‌ها بکشید (یا Shift و پیکان‌ها، سپس Enter) تا همان بازه جست‌وجو شود؛ Escape همهٔ تاریخ‌ها را دوباره نشان می‌دهد.</translation>
    </message>
    <message>
        <source>undated: {count}</source>
        <translation>بی‌تاریخ: {count}</translation>
    </message>
</context>
<context>
    <name>WelcomeNotice</name>
    <message>
        <source>Welcome to Bayegan</source>
        <translation>به بایگان خوش آمدید</translation>
    </message>
    <message>
        <source>You are looking at the bundled sample archive: a few real Persian news articles (Fars News, Varzesh3, IMNA) to try searching, tags and notes. Add the folder of your own articles and Bayegan indexes it in place of the sample.</source>
        <translation>آنچه می‌بینید بایگانی نمونهٔ همراه برنامه است: چند خبر واقعی فارسی (فارس، ورزش سه، ایمنا) برای آزمودن جست‌وجو، برچسب‌ها و یادداشت‌ها. پوشهٔ خبرهای خودتان را بیفزایید تا بایگان آن را به جای نمونه نمایه کند.</translation>
    </message>
    <message>
        <source>Add your archive folder…</source>
        <translation>افزودن پوشهٔ بایگانی شما…</translation>
    </message>
    <message>
        <source>Add your archive folder</source>
        <translation>افزودن پوشهٔ بایگانی شما</translation>
    </message>
    <message>
        <source>Explore the sample</source>
        <translation>گشتن در نمونه</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <source>Add archive folder…</source>
        <translation>افزودن پوشهٔ بایگانی…</translation>
    </message>
    <message>
        <source>Archive folders…</source>
        <translation>پوشه‌های بایگانی…</translation>
    </message>
    <message>
        <source>Re-scan folders</source>
        <translation>بازخوانی پوشه‌ها</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>برون‌بری PDF…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation>یافتهٔ بعدی</translation>
    </message>
    <message>
        <source>Previous hit</source>
        <translation>یافتهٔ قبلی</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>متن بزرگ‌تر</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>متن کوچک‌تر</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>اندازهٔ عادی متن</translation>
    </message>
    <message>
        <source>Next result</source>
        <translation>نتیجهٔ بعدی</translation>
    </message>
    <message>
        <source>Previous result</source>
        <translation>نتیجهٔ قبلی</translation>
    </message>
    <message>
        <source>Clear tag filters</source>
        <translation>پاک کردن پالایهٔ برچسب‌ها</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>Switch light/dark</source>
        <translation>تعویض روشن/تیره</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>زبان جست‌وجو</translation>
    </message>
    <message>
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
</TS>
