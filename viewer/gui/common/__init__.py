"""Small pieces every part of the window uses: background tasks, digits and dates, theme, fonts, language."""
