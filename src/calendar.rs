//! Dutch dates: public holidays and legal deadlines.
//!
//! The objection period of a besluit is six weeks, starting the day after the
//! letter is sent (Awb 6:7 and 6:8). When the last day falls on a Saturday,
//! Sunday or a holiday named in the Algemene termijnenwet, it moves to the next
//! day that is none of these (Atw art. 1 and 3).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` (anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// King's Day: 27 April, or 26 April when the 27th is a Sunday.
pub fn kings_day(year: i32) -> NaiveDate {
    let day = NaiveDate::from_ymd_opt(year, 4, 27).unwrap_or(NaiveDate::MIN);
    if day.weekday() == Weekday::Sun {
        day - Days::new(1)
    } else {
        day
    }
}

/// Whether `date` is a holiday of the Algemene termijnenwet (art. 3): New Year's
/// Day, Easter Monday, King's Day, 5 May, Ascension Day, Whit Monday, Christmas
/// Day and Boxing Day. (Easter and Whit Sunday are Sundays anyway.)
pub fn is_atw_holiday(date: NaiveDate) -> bool {
    let year = date.year();
    let easter = easter_sunday(year);
    let fixed = [(1, 1), (5, 5), (12, 25), (12, 26)];
    fixed
        .iter()
        .any(|&(m, d)| date.month() == m && date.day() == d)
        || date == easter + Days::new(1)
        || date == easter + Days::new(39)
        || date == easter + Days::new(50)
        || date == kings_day(year)
}

/// Whether a legal deadline may end on `date` (not a weekend day, not an Atw holiday).
pub fn is_atw_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_atw_holiday(date)
}

/// Whether `date` is a public holiday on which the municipality is closed: New
/// Year's Day, Easter Monday, King's Day, Liberation Day (5 May) in lustrum
/// years (2025, 2030, …), Ascension Day, Whit Monday, Christmas Day and Boxing Day.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    let liberation_day = date.month() == 5 && date.day() == 5;
    if liberation_day {
        return date.year() % 5 == 0;
    }
    is_atw_holiday(date)
}

/// Whether the municipality works on `date` (not a weekend day, not a public holiday).
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date)
}

/// The date `days` working days after `from` (the day itself does not count).
pub fn add_working_days(from: NaiveDate, days: u32) -> NaiveDate {
    let mut date = from;
    let mut left = days;
    while left > 0 {
        date = date + Days::new(1);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// The last day to object to a besluit sent on `sent_on`: six weeks later,
/// moved forward past weekends and holidays.
pub fn objection_last_day(sent_on: NaiveDate) -> NaiveDate {
    let mut last = sent_on + Days::new(42);
    while !is_atw_working_day(last) {
        last = last + Days::new(1);
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_dates_are_right() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2027), d(2027, 3, 28));
    }

    #[test]
    fn kings_day_moves_off_sunday() {
        assert_eq!(kings_day(2025), d(2025, 4, 26)); // 27 April 2025 is a Sunday
        assert_eq!(kings_day(2026), d(2026, 4, 27));
    }

    #[test]
    fn holidays_are_recognised() {
        assert!(is_atw_holiday(d(2026, 4, 6))); // Easter Monday
        assert!(is_atw_holiday(d(2026, 5, 14))); // Ascension Day
        assert!(is_atw_holiday(d(2026, 5, 25))); // Whit Monday
        assert!(is_atw_holiday(d(2026, 5, 5)));
        assert!(!is_atw_holiday(d(2026, 4, 3))); // Good Friday is not in the Atw
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Thursday 24 December 2026 + 2 working days: Christmas (Fri), weekend, Boxing Day is a Saturday → Monday 28, Tuesday 29.
        assert_eq!(add_working_days(d(2026, 12, 24), 2), d(2026, 12, 29));
        // Monday 23 November 2026 + 2: Wednesday 25 November.
        assert_eq!(add_working_days(d(2026, 11, 23), 2), d(2026, 11, 25));
        // Liberation Day counts only in lustrum years.
        assert!(is_public_holiday(d(2025, 5, 5)));
        assert!(!is_public_holiday(d(2026, 5, 5)));
        assert!(is_public_holiday(d(2030, 5, 5)));
        // Monday 4 May 2026 + 1 working day is Tuesday 5 May (a working day in 2026).
        assert_eq!(add_working_days(d(2026, 5, 4), 1), d(2026, 5, 5));
    }

    #[test]
    fn objection_period_is_six_weeks_moved_past_holidays() {
        // Sent Monday 23 November 2026: six weeks later is Monday 4 January 2027.
        assert_eq!(objection_last_day(d(2026, 11, 23)), d(2027, 1, 4));
        // Sent Friday 13 November 2026: Friday 25 December is Christmas, Saturday
        // and Sunday follow, Monday 28 December is the last day.
        assert_eq!(objection_last_day(d(2026, 11, 13)), d(2026, 12, 28));
    }
}
