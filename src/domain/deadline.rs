//! The answer period for petitions not answered at the dialogue session, and the public
//! holidays it skips.
//!
//! The plan gives the answer period as "chậm nhất không quá 30 ngày"; the number of days is a
//! setting ([`DEFAULT_ANSWER_DAYS`]). It is counted as the Civil Code 2015 counts periods
//! (arts. 147–148): the starting day (the session day) is not counted, the period ends at the
//! end of its last day, and a last day that is a weekend day or a public holiday moves to the
//! end of the next working day.
//!
//! The holidays are those of the Labour Code 2019 art. 112(1), with the government's usual
//! choices where the law leaves one (Tết from the last day of the lunar year to the 4th
//! day of the new one; 1/9 beside 2/9). Its yearly decision on the arrangement, on swapped
//! working days (a Saturday worked to bridge a holiday) and on compensatory days off (nghỉ
//! bù, when a holiday falls on a weekend) is not modelled: the office adds the days off it
//! announces with [`Holidays::with_extra`]. A missing day off can only make a due date
//! early, never late, which is the safe side for an office keeping a deadline.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The plan's answer period, in days, when the office has not set another.
pub const DEFAULT_ANSWER_DAYS: u32 = 30;

/// The holidays on a fixed Gregorian date, as (month, day). Labour Code 2019 art. 112(1):
/// Tết Dương lịch 1/1; Ngày Chiến thắng 30/4; Ngày Quốc tế lao động 1/5; Quốc khánh 2/9
/// "and one adjacent day before or after", which the government chooses each year — 1/9 is
/// its usual choice, so that is the one kept here.
const FIXED: &[(u32, u32)] = &[(1, 1), (4, 30), (5, 1), (9, 1), (9, 2)];

/// The Gregorian dates of one lunar year's holidays.
struct LunarYear {
    /// 1/1 of the lunar year that begins in this Gregorian year (Tết Nguyên đán). The Tết
    /// holiday is 5 days: the day before it (the last day of the old lunar year, 29 or 30
    /// tháng Chạp) and the first 4 days of the new year.
    tet: NaiveDate,
    /// 10/3 of that lunar year (Giỗ Tổ Hùng Vương), in the regular third month: a year with
    /// a leap third month keeps an anniversary in the first of the two, as custom does.
    hung_kings: NaiveDate,
}

/// A date in a table of constant data: an impossible date fails the build, not the app.
const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("a holiday table date does not exist"),
    }
}

/// The lunar holidays of 2025–2032, from the Vietnamese lunar calendar. That calendar is
/// reckoned at UTC+7 (since 1968), so it can differ by a day from the Chinese one: Tết 2030
/// is on 2 February in Vietnam (the new moon is at 23:08 Hà Nội time on 2 February, already
/// 3 February in Beijing).
const LUNAR: &[LunarYear] = &[
    // Ất Tỵ. 1/1 = 29/01/2025 (the eve, 29 Chạp Giáp Thìn, 28/01); 10/3 = 07/04/2025.
    LunarYear {
        tet: date(2025, 1, 29),
        hung_kings: date(2025, 4, 7),
    },
    // Bính Ngọ. 1/1 = 17/02/2026 (29 Chạp Ất Tỵ, 16/02); 10/3 = 26/04/2026, a Sunday.
    LunarYear {
        tet: date(2026, 2, 17),
        hung_kings: date(2026, 4, 26),
    },
    // Đinh Mùi. 1/1 = 06/02/2027 (29 Chạp Bính Ngọ, 05/02); 10/3 = 16/04/2027.
    LunarYear {
        tet: date(2027, 2, 6),
        hung_kings: date(2027, 4, 16),
    },
    // Mậu Thân. 1/1 = 26/01/2028 (29 Chạp Đinh Mùi, 25/01); 10/3 = 04/04/2028.
    LunarYear {
        tet: date(2028, 1, 26),
        hung_kings: date(2028, 4, 4),
    },
    // Kỷ Dậu. 1/1 = 13/02/2029 (29 Chạp Mậu Thân, 12/02); 10/3 = 23/04/2029.
    LunarYear {
        tet: date(2029, 2, 13),
        hung_kings: date(2029, 4, 23),
    },
    // Canh Tuất. 1/1 = 02/02/2030 (29 Chạp Kỷ Dậu, 01/02) — China's is 03/02;
    // 10/3 = 12/04/2030.
    LunarYear {
        tet: date(2030, 2, 2),
        hung_kings: date(2030, 4, 12),
    },
    // Tân Hợi. 1/1 = 23/01/2031 (29 Chạp Canh Tuất, 22/01); 10/3 = 01/04/2031, in the
    // regular third month (the leap third month's 10/3 falls on 30/04/2031).
    LunarYear {
        tet: date(2031, 1, 23),
        hung_kings: date(2031, 4, 1),
    },
    // Nhâm Tý. 1/1 = 11/02/2032 (29 Chạp Tân Hợi, 10/02); 10/3 = 19/04/2032.
    LunarYear {
        tet: date(2032, 2, 11),
        hung_kings: date(2032, 4, 19),
    },
];

/// The public holidays (ngày nghỉ lễ, Tết): the fixed ones by rule, the lunar ones and the
/// office's extra days as a set of dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holidays {
    /// Fixed (month, day) holidays, applied to every year.
    fixed: &'static [(u32, u32)],
    dates: BTreeSet<NaiveDate>,
    /// The Gregorian years whose lunar holidays are known.
    covered: BTreeSet<i32>,
}

impl Holidays {
    /// No holidays at all: only weekends are days off.
    pub fn none() -> Self {
        Self::default()
    }

    /// The official holidays of Vietnam: the fixed ones in every year, the lunar ones for
    /// the years of the table (2025–2032; see [`Holidays::covers`]).
    pub fn vietnam() -> Self {
        let mut dates = BTreeSet::new();
        let mut covered = BTreeSet::new();
        for lunar in LUNAR {
            // The eve and the first four days of the new year: five days in a row.
            let eve = lunar.tet.pred_opt().unwrap_or(lunar.tet);
            dates.extend(eve.iter_days().take(5));
            dates.insert(lunar.hung_kings);
            covered.insert(lunar.tet.year());
        }
        Self {
            fixed: FIXED,
            dates,
            covered,
        }
    }

    /// Adds days off the government announces (compensatory days, a changed Tết
    /// arrangement) or the office decides.
    pub fn with_extra(mut self, extra: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.dates.extend(extra);
        self
    }

    pub fn is_holiday(&self, d: NaiveDate) -> bool {
        self.fixed.contains(&(d.month(), d.day())) || self.dates.contains(&d)
    }

    /// Not a Saturday or Sunday (the weekly rest of public offices) and not a holiday.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(d)
    }

    /// Whether the table knows that year's lunar holidays (Tết, Hùng Kings). The fixed
    /// holidays are known for every year, so outside these years only the lunar ones are
    /// missing, and the screen warns the office to add them.
    pub fn covers(&self, year: i32) -> bool {
        self.covered.contains(&year)
    }

    /// Every holiday of a year, in order, for the settings screen to show.
    pub fn of_year(&self, year: i32) -> Vec<NaiveDate> {
        let fixed = self
            .fixed
            .iter()
            .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(year, m, d));
        let listed = self.dates.iter().copied().filter(|d| d.year() == year);
        let all: BTreeSet<NaiveDate> = fixed.chain(listed).collect();
        all.into_iter().collect()
    }
}

/// The last day of a period of `days` days starting on `start`: the start is not counted,
/// so the last day is `start + days`; if that is not a working day, the next working day.
/// The period ends at the end of that day, so an answer given on it is in time.
pub fn due_date(start: NaiveDate, days: u32, holidays: &Holidays) -> NaiveDate {
    // A setting of millions of days would run past the calendar's end: stop there rather
    // than panic.
    let mut last = start
        .checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX);
    while !holidays.is_working_day(last) {
        match last.succ_opt() {
            Some(next) => last = next,
            None => break,
        }
    }
    last
}

/// Days from `today` to `due`: 0 on the due day itself (still in time), negative once the
/// period is over.
pub fn days_left(due: NaiveDate, today: NaiveDate) -> i64 {
    due.signed_duration_since(today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn vn() -> Holidays {
        Holidays::vietnam()
    }

    #[test]
    fn the_start_day_is_not_counted_and_the_period_ends_on_its_last_day() {
        let due = due_date(d(2026, 9, 5), DEFAULT_ANSWER_DAYS, &vn());
        assert_eq!(due, d(2026, 10, 5));
        assert_eq!(due.weekday(), Weekday::Mon);
        // One day: the day after.
        assert_eq!(due_date(d(2026, 10, 6), 1, &vn()), d(2026, 10, 7));
    }

    #[test]
    fn a_last_day_on_saturday_moves_to_monday() {
        assert_eq!(d(2026, 10, 10).weekday(), Weekday::Sat);
        assert_eq!(due_date(d(2026, 9, 10), 30, &vn()), d(2026, 10, 12));
    }

    #[test]
    fn a_last_day_on_sunday_moves_to_monday() {
        assert_eq!(d(2026, 10, 11).weekday(), Weekday::Sun);
        assert_eq!(due_date(d(2026, 9, 11), 30, &vn()), d(2026, 10, 12));
    }

    #[test]
    fn a_last_day_in_tet_moves_past_tet_and_the_weekend_after_it() {
        // Tết Bính Ngọ: Monday 16/02/2026 (29 Chạp) to Friday 20/02 (mùng 4), then a weekend.
        for day in 16..=20 {
            assert!(vn().is_holiday(d(2026, 2, day)), "{day}/02/2026");
        }
        assert!(!vn().is_holiday(d(2026, 2, 13)));
        assert!(!vn().is_holiday(d(2026, 2, 21)));
        assert_eq!(due_date(d(2026, 1, 18), 30, &vn()), d(2026, 2, 23));
        assert_eq!(due_date(d(2026, 1, 21), 30, &vn()), d(2026, 2, 23));
        assert_eq!(d(2026, 2, 23).weekday(), Weekday::Mon);
    }

    #[test]
    fn national_day_is_2_september_and_1_september() {
        // 2025: Monday 1/9 and Tuesday 2/9, after a weekend.
        assert!(vn().is_holiday(d(2025, 9, 1)));
        assert!(vn().is_holiday(d(2025, 9, 2)));
        assert!(!vn().is_holiday(d(2025, 9, 3)));
        assert_eq!(due_date(d(2025, 8, 2), 30, &vn()), d(2025, 9, 3));
        // A last day on Saturday 30/8 runs through the weekend and both holidays.
        assert_eq!(due_date(d(2025, 7, 31), 30, &vn()), d(2025, 9, 3));
    }

    #[test]
    fn victory_day_and_labour_day_followed_by_a_weekend_move_to_monday() {
        // 2026: Thursday 30/4, Friday 1/5, then Saturday and Sunday.
        assert_eq!(d(2026, 4, 30).weekday(), Weekday::Thu);
        assert_eq!(due_date(d(2026, 3, 31), 30, &vn()), d(2026, 5, 4));
        assert_eq!(due_date(d(2026, 4, 1), 30, &vn()), d(2026, 5, 4));
        // The day before is an ordinary Wednesday.
        assert_eq!(due_date(d(2026, 3, 30), 30, &vn()), d(2026, 4, 29));
    }

    #[test]
    fn new_years_day_is_a_holiday_in_every_year() {
        assert!(vn().is_holiday(d(2040, 1, 1)));
        assert!(!vn().covers(2040));
        // Thursday 1/1/2026.
        assert_eq!(due_date(d(2025, 12, 2), 30, &vn()), d(2026, 1, 2));
    }

    #[test]
    fn zero_days_end_on_the_start_day_or_the_next_working_day() {
        assert_eq!(due_date(d(2026, 10, 7), 0, &vn()), d(2026, 10, 7));
        assert_eq!(due_date(d(2026, 10, 10), 0, &vn()), d(2026, 10, 12));
    }

    #[test]
    fn an_extra_holiday_the_office_adds_is_skipped() {
        // Giỗ Tổ 2026 falls on Sunday 26/4; the compensatory Monday is announced, not derived.
        let last = d(2026, 4, 26);
        assert!(vn().is_holiday(last));
        assert_eq!(due_date(d(2026, 3, 27), 30, &vn()), d(2026, 4, 27));
        let announced = vn().with_extra([d(2026, 4, 27)]);
        assert!(announced.is_holiday(d(2026, 4, 27)));
        assert_eq!(due_date(d(2026, 3, 27), 30, &announced), d(2026, 4, 28));
        // Without any holidays only the weekend is skipped.
        assert_eq!(
            due_date(d(2026, 3, 31), 30, &Holidays::none()),
            d(2026, 4, 30)
        );
    }

    #[test]
    fn a_huge_period_stops_at_the_end_of_the_calendar() {
        assert_eq!(due_date(d(2026, 1, 1), u32::MAX, &vn()), NaiveDate::MAX);
    }

    #[test]
    fn days_left_are_negative_once_overdue() {
        let due = d(2026, 10, 5);
        assert_eq!(days_left(due, d(2026, 9, 5)), 30);
        assert_eq!(days_left(due, d(2026, 10, 4)), 1);
        assert_eq!(days_left(due, due), 0);
        assert_eq!(days_left(due, d(2026, 10, 6)), -1);
        assert_eq!(days_left(due, d(2026, 11, 5)), -31);
    }

    #[test]
    fn a_covered_year_has_the_eleven_holidays_of_the_labour_code() {
        for year in 2025..=2032 {
            assert!(vn().covers(year), "{year}");
            // 1/1, five days of Tết, Giỗ Tổ, 30/4, 1/5, 1/9 and 2/9: no two coincide.
            assert_eq!(vn().of_year(year).len(), 11, "{year}");
        }
        assert!(!vn().covers(2024));
        assert!(!vn().covers(2033));
        assert_eq!(vn().of_year(2033).len(), 5);
        assert!(!Holidays::none().covers(2026));
    }

    /// The lunar years 2025–2032 with a leap month, and which month it repeats, from the
    /// same calendar (UTC+7) as the table.
    const LEAP_MONTHS: &[(i32, u32)] = &[(2025, 6), (2028, 5), (2031, 3)];

    fn leap_month(year: i32) -> Option<u32> {
        LEAP_MONTHS
            .iter()
            .find(|&&(y, _)| y == year)
            .map(|&(_, m)| m)
    }

    #[test]
    fn tet_falls_between_21_january_and_20_february() {
        for lunar in LUNAR {
            let y = lunar.tet.year();
            assert!(
                (d(y, 1, 21)..=d(y, 2, 20)).contains(&lunar.tet),
                "{}",
                lunar.tet
            );
        }
    }

    #[test]
    fn the_lunar_table_has_one_row_per_year_in_order() {
        let years: Vec<i32> = LUNAR.iter().map(|l| l.tet.year()).collect();
        assert_eq!(years, (2025..=2032).collect::<Vec<_>>());
        assert!(LUNAR.iter().all(|l| l.hung_kings.year() == l.tet.year()));
    }

    #[test]
    fn successive_tets_are_twelve_or_thirteen_lunar_months_apart() {
        // Twelve months of 29 or 30 days make 354 ± 1 days; a leap year adds a month.
        for pair in LUNAR.windows(2) {
            let gap = (pair[1].tet - pair[0].tet).num_days();
            let year = pair[0].tet.year();
            let expected = if leap_month(year).is_some() {
                383..=385
            } else {
                353..=355
            };
            assert!(expected.contains(&gap), "{year}: {gap} days");
        }
    }

    #[test]
    fn hung_kings_day_is_ten_days_into_the_third_lunar_month() {
        // 10/3 is 9 days after 1/3, which comes two months of 29 or 30 days after 1/1:
        // 67–69 days after Tết, or 96–99 when a leap first or second month comes between.
        for lunar in LUNAR {
            let year = lunar.tet.year();
            let gap = (lunar.hung_kings - lunar.tet).num_days();
            let expected = match leap_month(year) {
                Some(1 | 2) => 96..=99,
                _ => 67..=69,
            };
            assert!(expected.contains(&gap), "{year}: {gap} days");
        }
    }

    /// A small ephemeris to check the table against the sky, independently of where its
    /// dates were copied from: the new moon and the sun's longitude by the truncated
    /// series of Meeus (Astronomical Algorithms, chs. 25 and 49), as Hồ Ngọc Đức's
    /// Vietnamese calendar algorithm uses them. Good to a few minutes, which is enough:
    /// the test also asks that no new moon it relies on be within 20 minutes of midnight.
    mod sky {
        use chrono::NaiveDate;
        use std::f64::consts::PI;

        pub const SYNODIC_MONTH: f64 = 29.530_588_853;
        /// Hours ahead of UTC in which the Vietnamese calendar is reckoned.
        const ZONE: f64 = 7.0 / 24.0;

        /// Julian day number of a date (the day as a whole number; its noon).
        pub fn day_number(d: NaiveDate) -> f64 {
            2_451_545.0 + (d - super::d(2000, 1, 1)).num_days() as f64
        }

        /// The moment (Julian date, UT) of new moon number `k` after that of 1900-01-01.
        pub fn new_moon(k: f64) -> f64 {
            let t = k / 1236.85;
            let (t2, t3) = (t * t, t * t * t);
            let dr = PI / 180.0;
            let mut jd =
                2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
            jd += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
            let m = (359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3) * dr;
            let mp = (306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3) * dr;
            let f = (21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3) * dr;
            let c = (0.1734 - 0.000_393 * t) * m.sin() + 0.0021 * (2.0 * m).sin()
                - 0.4068 * mp.sin()
                + 0.0161 * (2.0 * mp).sin()
                - 0.0004 * (3.0 * mp).sin()
                + 0.0104 * (2.0 * f).sin()
                - 0.0051 * (m + mp).sin()
                - 0.0074 * (m - mp).sin()
                + 0.0004 * (2.0 * f + m).sin()
                - 0.0004 * (2.0 * f - m).sin()
                - 0.0006 * (2.0 * f + mp).sin()
                + 0.0010 * (2.0 * f - mp).sin()
                + 0.0005 * (2.0 * mp + m).sin();
            let delta_t = -0.000_278 + 0.000_265 * t + 0.000_262 * t2;
            jd + c - delta_t
        }

        /// The new moon nearest a date: its calendar day in Vietnam, and how far (in
        /// days) the moment is from that day's nearer midnight.
        pub fn nearest_new_moon(d: NaiveDate) -> (NaiveDate, f64) {
            let k = ((day_number(d) - 2_415_021.077) / SYNODIC_MONTH).round();
            let local = new_moon(k) + ZONE;
            let day = (local + 0.5).floor();
            let into_day = local + 0.5 - day;
            let date = d + chrono::Duration::days((day - day_number(d)) as i64);
            (date, into_day.min(1.0 - into_day))
        }

        /// The sun's apparent longitude, in degrees, at the start (local midnight) of a day.
        pub fn sun_longitude(d: NaiveDate) -> f64 {
            let jd = day_number(d) - 0.5 - ZONE;
            let t = (jd - 2_451_545.0) / 36525.0;
            let t2 = t * t;
            let dr = PI / 180.0;
            let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
            let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
            let dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin()
                + (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin()
                + 0.000_290 * (dr * 3.0 * m).sin();
            (l0 + dl).rem_euclid(360.0)
        }
    }

    /// Checks that `first` is the day of a new moon, and that the lunar month it begins
    /// holds the sun's passage through `term` degrees: the principal term (trung khí)
    /// that names the month, which a leap month lacks.
    fn assert_month_begins(first: NaiveDate, term: f64) {
        let (day, margin) = sky::nearest_new_moon(first);
        assert_eq!(day, first, "{first} is not a new moon day");
        assert!(
            margin > 20.0 / 1440.0,
            "{first}: new moon too near midnight"
        );
        // The month runs to the day before the next new moon.
        let (next, _) = sky::nearest_new_moon(first + Duration::days(29));
        let length = (next - first).num_days();
        assert!((29..=30).contains(&length), "{first}: {length} days");
        // The sun moves about 30° a month: short of the term when the month begins (within
        // 60° before it), past it when the next begins (within 30° after it).
        let before = (term - sky::sun_longitude(first)).rem_euclid(360.0);
        let after = (sky::sun_longitude(next) - term).rem_euclid(360.0);
        assert!(
            before > 0.0 && before < 60.0 && after < 30.0,
            "{first}: the sun does not pass {term}° in this month"
        );
    }

    #[test]
    fn tet_is_the_new_moon_day_of_the_month_holding_vu_thuy() {
        // The first lunar month holds Vũ thủy, the sun at 330°.
        for lunar in LUNAR {
            assert_month_begins(lunar.tet, 330.0);
        }
    }

    #[test]
    fn hung_kings_day_is_the_tenth_of_the_month_holding_coc_vu() {
        // The regular third lunar month holds Cốc vũ, the sun at 30°.
        for lunar in LUNAR {
            assert_month_begins(lunar.hung_kings - Duration::days(9), 30.0);
        }
    }

    #[test]
    fn the_sky_check_tells_vietnam_from_china_and_a_leap_month_from_a_regular_one() {
        // The new moon of 2 February 2030 is at 23:08 in Hà Nội: Beijing's Tết, 3 February,
        // is not a new moon day in Vietnam.
        assert_eq!(sky::nearest_new_moon(d(2030, 2, 3)).0, d(2030, 2, 2));
        // The month after the regular third month of 2031 holds no principal term (the sun
        // stays between 30° and 60°): it is the leap third month, whose 10th is not Giỗ Tổ.
        let (leap, _) = sky::nearest_new_moon(d(2031, 3, 23) + Duration::days(29));
        let (after, _) = sky::nearest_new_moon(leap + Duration::days(29));
        for day in [leap, after] {
            assert!((30.0..60.0).contains(&sky::sun_longitude(day)), "{day}");
        }
        let leap_tenth = leap + Duration::days(9);
        assert!(LUNAR.iter().all(|l| l.hung_kings != leap_tenth));
    }
}
