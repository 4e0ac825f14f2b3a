"""Category values of news exports as a Persian reader knows them: the exports (Fars News, Varzesh3
datasets) store their sections in English ("politics / parliament"); the Persian interface shows
«سیاسی / مجلس». A value not in the table is shown as it is."""

from __future__ import annotations

PERSIAN_CATEGORIES = {
    # sections
    "politics": "سیاسی", "economy": "اقتصادی", "social": "اجتماعی", "culture": "فرهنگی",
    "sports": "ورزشی", "sport": "ورزشی", "world": "بین‌الملل", "international": "بین‌الملل",
    "province": "استان‌ها", "provinces": "استان‌ها", "scientific-academic": "علمی و دانشگاهی",
    "science": "علمی", "arts-media": "هنر و رسانه", "viewpoint": "دیدگاه", "farsplus-magazine": "مجلهٔ فارس‌پلاس",
    "myfars": "فارس من", "iran": "ایران", "religion": "دین و اندیشه", "thought": "اندیشه",
    "health": "سلامت", "technology": "فناوری", "news": "خبر", "general": "عمومی", "others": "سایر", "other": "سایر",
    # sub-sections
    "parliament": "مجلس", "government": "دولت", "parties": "احزاب", "defense": "دفاعی",
    "foreign-policy": "سیاست خارجی", "islamic-forces": "نیروهای مسلح", "politics-security": "سیاسی و امنیتی",
    "legal-judicial": "حقوقی و قضایی", "police-events": "انتظامی و حوادث", "resistance": "مقاومت",
    "stock": "بورس", "macroeconomics": "اقتصاد کلان", "law-economy": "حقوق و اقتصاد", "world-economy": "اقتصاد جهان",
    "occupation": "کار و اشتغال", "welfare": "رفاه", "welfare-social-harm": "رفاه و آسیب‌های اجتماعی",
    "education": "آموزش و پرورش", "school": "مدرسه", "women-youth": "زنان و جوانان",
    "environment-tourism": "محیط زیست و گردشگری", "medicine-spirituality": "پزشکی و معنویت",
    "it": "فناوری اطلاعات", "iran-science": "علم ایران", "world-science": "علم جهان",
    "science-technology": "علم و فناوری", "academic-formations": "تشکل‌های دانشگاهی", "book": "کتاب",
    "cinema-drama": "سینما و تئاتر", "radio-tv": "رادیو و تلویزیون", "other-media": "سایر رسانه‌ها", "quran": "قرآن",
    "football-iran": "فوتبال ایران", "football-world": "فوتبال جهان", "ballgames": "توپ و تور",
    "martial-arts": "رزمی", "west-asia": "غرب آسیا", "asia-pacific": "آسیا و اقیانوسیه", "africa": "آفریقا",
    "europe-amercia": "اروپا و آمریکا", "europe-america": "اروپا و آمریکا", "regional-offices": "دفترهای منطقه‌ای",
    # provinces
    "tehran": "تهران", "isfahan": "اصفهان", "razavi": "خراسان رضوی", "khorasan-shomali": "خراسان شمالی",
    "khorasan-jonoubi": "خراسان جنوبی", "azarbaijan-sharghi": "آذربایجان شرقی", "azarbaijan-gharbi": "آذربایجان غربی",
    "ardabil": "اردبیل", "gilan": "گیلان", "mazandaran": "مازندران", "golestan": "گلستان", "semnan": "سمنان",
    "qom": "قم", "markazi": "مرکزی", "hamedan": "همدان", "zanjan": "زنجان", "qazvin": "قزوین", "alborz": "البرز",
    "kermanshah": "کرمانشاه", "kordestan": "کردستان", "ilam": "ایلام", "lorestan": "لرستان",
    "khuzestan": "خوزستان", "kohgiluyeh-boyerahmad": "کهگیلویه و بویراحمد", "chaharmahal-bakhtiari": "چهارمحال و بختیاری",
    "fars": "فارس", "bushehr": "بوشهر", "hormozgan": "هرمزگان", "kerman": "کرمان", "yazd": "یزد",
    "sistan-baluchestan": "سیستان و بلوچستان",
}


def category_for(value: str, language: str) -> str:
    """`value` ("politics / parliament", as imported) in the interface language: each part found in
    the table in Persian for "fa"; unknown parts, and every other language, as given."""
    if language != "fa" or not value:
        return value
    return " / ".join(PERSIAN_CATEGORIES.get(part.strip().lower(), part.strip()) for part in value.split("/"))
