#!/usr/bin/env python3
# Generates testdata/timex.toml (the tacitus-time case table) from the
# hand-written sentence frames below; expected values are computed here with
# Python's datetime, independently of the Rust code.
#
#     python3 crates/time/tools/gen_timex_cases.py   # from the repository root
import datetime as dt
import os
D=dt.date
cases=[]
def case(name, text, dct, expect):
    cases.append((name, text, dct, expect))
def E(t, ty, v, m=None): return (t, ty, v, m)
def iso(d): return d.isoformat()
def wk(d):
    y,w,_=d.isocalendar(); return f"{y}-W{w:02d}"
MONTHS=["January","February","March","April","May","June","July","August","September","October","November","December"]
ABBR=["Jan.","Feb.","Mar.","Apr.","May","June","July","Aug.","Sept.","Oct.","Nov.","Dec."]
WD=["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"]
DCTS=[D(2025,1,13),D(2024,6,19),D(2023,11,2),D(2026,3,28)]

# 1. explicit dates with year, several formats
for i,m in enumerate(MONTHS):
    d=[5,12,20,28][i%4]; y=[2019,2021,2024,2025][i%4]
    dd=D(y,i+1,d)
    case(f"month_day_year_{i+1}", f"The agreement was signed on {m} {d}, {y}, in the capital.", "2025-01-13", [E(f"{m} {d}, {y}",'DATE',iso(dd))])
    case(f"abbr_day_year_{i+1}", f"Officials met on {ABBR[i]} {d}, {y}, to review the plan.", "2025-01-13", [E(f"{ABBR[i]} {d}, {y}",'DATE',iso(dd))])
    case(f"day_month_year_{i+1}", f"Voting took place on {d} {m} {y} across the country.", "2025-01-13", [E(f"{d} {m} {y}",'DATE',iso(dd))])
    case(f"numeric_us_{i+1}", f"The memo dated {i+1}/{d}/{y} was released.", "2025-01-13", [E(f"{i+1}/{d}/{y}",'DATE',iso(dd))])
    case(f"numeric_iso_{i+1}", f"The filing ({y}-{i+1:02d}-{d:02d}) lists the donors.", "2025-01-13", [E(f"{y}-{i+1:02d}-{d:02d}",'DATE',iso(dd))])
    case(f"month_year_{i+1}", f"Inflation peaked in {m} {y} before easing.", "2025-01-13", [E(f"{m} {y}",'DATE',f"{y}-{i+1:02d}")])

# 2. month-day without year, resolved by tense against DCT
def md_resolve(dct, m, d, tense):
    this=D(dct.year,m,d)
    if tense=='fut' and this + dt.timedelta(days=7) < dct: return D(dct.year+1,m,d)
    if tense=='past' and this - dt.timedelta(days=31) > dct: return D(dct.year-1,m,d)
    if tense=='none':
        c=[D(dct.year+k,m,d) for k in (-1,0,1)]
        return min(c,key=lambda x: abs((x-dct).days))
    return this
for k,dct in enumerate(DCTS):
    for j,m in enumerate([1,4,7,10,12]):
        d=[3,15,21,9,30][j]
        mn=MONTHS[m-1]
        case(f"md_future_{k}_{m}", f"The ministers will meet on {mn} {d} to sign the accord.", iso(dct), [E(f"{mn} {d}",'DATE',iso(md_resolve(dct,m,d,'fut')))])
        case(f"md_past_{k}_{m}", f"The ministers met on {mn} {d} and signed the accord.", iso(dct), [E(f"{mn} {d}",'DATE',iso(md_resolve(dct,m,d,'past')))])
# day-month without year, ordinals
case("day_month_no_year","Parliament reconvenes on 20 January after the recess, officials will confirm.","2025-01-13",[E("20 January",'DATE','2025-01-20')])
case("ordinal_month","The vote will take place on January 20th.","2025-01-13",[E("January 20th",'DATE','2025-01-20')])
case("the_ordinal_of_month","The summit will open on the 21st of January.","2025-01-13",[E("the 21st of January",'DATE','2025-01-21')])
case("the_nth_future","The delegation will return on the 20th.","2025-01-13",[E("the 20th",'DATE','2025-01-20')])
case("the_nth_past","The delegation returned on the 8th.","2025-01-13",[E("the 8th",'DATE','2025-01-08')])
case("weekday_with_date","The talks resume Friday, Jan. 24, 2025, in Geneva.","2025-01-13",[E("Friday, Jan. 24, 2025",'DATE','2025-01-24')])
case("weekday_with_date_no_year","The talks will resume on Friday, January 24.","2025-01-13",[E("Friday, January 24",'DATE','2025-01-24')])
case("iso_slash","Records from 2024/03/15 were destroyed.","2025-01-13",[E("2024/03/15",'DATE','2024-03-15')])

# 3. bare months with tense
def my(dct,m,t):
    y=dct.year; dm=dct.month
    if t=='fut' and m<dm: return y+1
    if t=='past' and m>dm+1: return y-1
    return y
for k,dct in enumerate(DCTS):
    for m in [2,3,5,8,11]:
        mn=MONTHS[m-1]
        case(f"month_future_{k}_{m}", f"Elections will be held in {mn}, the commission said.", iso(dct), [E(mn,'DATE',f"{my(dct,m,'fut')}-{m:02d}")])
        case(f"month_past_{k}_{m}", f"Protesters gathered in {mn} outside the parliament.", iso(dct), [E(mn,'DATE',f"{my(dct,m,'past')}-{m:02d}")])

# 4. years, decades, centuries
for y in [1989,2001,2004,2016,2020,2030]:
    case(f"year_in_{y}", f"The treaty was first proposed in {y} by the two governments.", "2025-01-13", [E(str(y),'DATE',str(y))])
case("year_adjective_capital","The Quad was formed after the 2004 Indian Ocean tsunami.","2025-01-13",[E("2004",'DATE','2004')])
case("year_the_year","Everything changed in the year 2000, he recalled.","2025-01-13",[E("the year 2000",'DATE','2000')])
case("fiscal_year_num","The budget for fiscal 2026 was approved.","2025-01-13",[E("fiscal 2026",'DATE','2026')])
case("fiscal_year_word","Spending rose in fiscal year 2024.","2025-01-13",[E("fiscal year 2024",'DATE','2024')])
case("year_election","The 2024 election reshaped the parliament.","2025-01-13",[E("2024",'DATE','2024')])
for dec in [1960,1970,1980,1990,2000,2010]:
    case(f"decade_{dec}", f"Trade between the countries boomed in the {dec}s.", "2025-01-13", [E(f"the {dec}s",'DATE',str(dec//10))])
case("decade_bare","1990s policies still shape the region.","2025-01-13",[E("1990s",'DATE','199')])
case("decade_apostrophe","The dispute dates back to the '80s, diplomats say.","2025-01-13",[E("the '80s",'DATE','198')])
case("decade_word","The treaty was drafted in the nineties.","2025-01-13",[E("the nineties",'DATE','199')])
case("decade_late","The reforms began in the late 1970s.","2025-01-13",[E("the late 1970s",'DATE','197','END')])
case("decade_early","Growth slowed in the early 2000s.","2025-01-13",[E("the early 2000s",'DATE','200','START')])
case("decade_mid","Tensions peaked in the mid-1990s.","2025-01-13",[E("the mid-1990s",'DATE','199','MID')])
for n,word,val in [(20,"20th","19"),(21,"21st","20"),(19,"19th","18"),(18,"18th","17")]:
    case(f"century_{n}", f"The border was drawn in the {word} century.", "2025-01-13", [E(f"the {word} century",'DATE',val)])
case("century_word","The alliance is a relic of the nineteenth century.","2025-01-13",[E("the nineteenth century",'DATE','18')])
case("century_this","It is the worst crisis this century.","2025-01-13",[E("this century",'DATE','20')])
case("century_last","Such wars were common last century.","2025-01-13",[E("last century",'DATE','19')])

# 5. seasons, quarters, halves
case("season_this_summer","The ministers will visit this summer.","2025-01-13",[E("this summer",'DATE','2025-SU')])
case("season_last_fall","The talks collapsed last fall.","2025-01-13",[E("last fall",'DATE','2024-FA')])
case("season_next_spring","The vote is set for next spring.","2025-01-13",[E("next spring",'DATE','2025-SP')])
case("season_year","Construction began in summer 2023.","2025-01-13",[E("summer 2023",'DATE','2023-SU')])
case("season_of_year","The offensive started in the spring of 2022.","2025-01-13",[E("the spring of 2022",'DATE','2022-SP')])
case("season_early","Troops will withdraw by early summer.","2025-01-13",[E("early summer",'DATE','2025-SU','START')])
case("season_last_winter","Heating prices soared last winter.","2024-06-19",[E("last winter",'DATE','2023-WI')])
case("season_in_the","Harvests usually arrive in the autumn.","2024-06-19",[E("the autumn",'DATE','2024-FA')])
for q,w in [(1,"first"),(2,"second"),(3,"third"),(4,"fourth")]:
    case(f"quarter_of_year_{q}", f"Exports fell in the {w} quarter of 2024.", "2025-01-13", [E(f"the {w} quarter of 2024",'DATE',f"2024-Q{q}")])
    case(f"quarter_adj_{q}", f"The company will report {w}-quarter earnings.", "2024-06-19", [E(f"{w}-quarter",'DATE',f"2024-Q{q}")])
case("quarter_q3","Q3 2024 revenue beat forecasts.","2025-01-13",[E("Q3 2024",'DATE','2024-Q3')])
case("quarter_past_report","Profit rose in the fourth quarter.","2025-01-13",[E("the fourth quarter",'DATE','2024-Q4')])
case("quarter_this","Sales should recover this quarter.","2025-01-13",[E("this quarter",'DATE','2025-Q1')])
case("quarter_last","Output shrank last quarter.","2025-01-13",[E("last quarter",'DATE','2024-Q4')])
case("quarter_next","Deliveries resume next quarter.","2025-01-13",[E("next quarter",'DATE','2025-Q2')])
case("half_first","Growth slowed in the first half of 2024.","2025-01-13",[E("the first half of 2024",'DATE','2024-H1')])
case("half_second","Rates may fall in the second half of the year... maybe.","2025-01-13",[E("the second half",'DATE','2025-H2')])
case("fiscal_quarter","Revenue grew in the fiscal first quarter.","2024-06-19",[E("the fiscal first quarter",'DATE','2024-Q1')])

# 6. weekdays
def wd_near(dct, wd, mode):
    cur=dct.weekday()
    back=(cur-wd)%7; fwd=(wd-cur)%7
    if mode=='onbefore': return dct-dt.timedelta(days=back)
    if mode=='onafter': return dct+dt.timedelta(days=fwd)
    if mode=='before': return dct-dt.timedelta(days=back or 7)
    if mode=='after': return dct+dt.timedelta(days=fwd or 7)
for k,dct in enumerate(DCTS[:3]):
    for w,name in enumerate(WD):
        case(f"weekday_past_{k}_{w}", f"The minister resigned on {name}.", iso(dct), [E(name,'DATE',iso(wd_near(dct,w,'onbefore')))])
        case(f"weekday_future_{k}_{w}", f"The minister will resign on {name}.", iso(dct), [E(name,'DATE',iso(wd_near(dct,w,'onafter')))])
    for w,name in enumerate(WD[:5]):
        case(f"weekday_last_{k}_{w}", f"Rebels attacked the town last {name}.", iso(dct), [E(f"last {name}",'DATE',iso(wd_near(dct,w,'before')))])
        case(f"weekday_next_{k}_{w}", f"The envoy arrives next {name}.", iso(dct), [E(f"next {name}",'DATE',iso(wd_near(dct,w,'after')))])
case("weekday_said","The ministry said Tuesday that talks had stalled.","2025-01-13",[E("Tuesday",'DATE','2025-01-07')])
case("weekday_sentence_start","On Friday, the president will sign the bill.","2025-01-13",[E("Friday",'DATE','2025-01-17')])

# 7. relative days/units
for k,dct in enumerate(DCTS):
    def mo(n):
        y=dct.year+(dct.month-1+n)//12; m=(dct.month-1+n)%12+1; return f"{y}-{m:02d}"
    case(f"yesterday_{k}","Police arrested three people yesterday.",iso(dct),[E("yesterday",'DATE',iso(dct-dt.timedelta(days=1)))])
    case(f"today_{k}","The court will rule today.",iso(dct),[E("today",'DATE',iso(dct))])
    case(f"tomorrow_{k}","Voters go to the polls tomorrow.",iso(dct),[E("tomorrow",'DATE',iso(dct+dt.timedelta(days=1)))])
    case(f"last_week_{k}","The ceasefire collapsed last week.",iso(dct),[E("last week",'DATE',wk(dct-dt.timedelta(days=7)))])
    case(f"this_week_{k}","Negotiators meet this week.",iso(dct),[E("this week",'DATE',wk(dct))])
    case(f"next_week_{k}","The report is due next week.",iso(dct),[E("next week",'DATE',wk(dct+dt.timedelta(days=7)))])
    case(f"last_month_{k}","Unemployment fell last month.",iso(dct),[E("last month",'DATE',mo(-1))])
    case(f"next_month_{k}","The envoy travels next month.",iso(dct),[E("next month",'DATE',mo(1))])
    case(f"this_year_{k}","Growth will slow this year.",iso(dct),[E("this year",'DATE',str(dct.year))])
    case(f"last_year_{k}","Exports rose last year.",iso(dct),[E("last year",'DATE',str(dct.year-1))])
    case(f"next_year_{k}","Elections are due next year.",iso(dct),[E("next year",'DATE',str(dct.year+1))])
    case(f"years_ago_{k}","The dam was built two years ago.",iso(dct),[E("two years ago",'DATE',str(dct.year-2))])
    case(f"months_ago_{k}","The rebels seized the town three months ago.",iso(dct),[E("three months ago",'DATE',mo(-3))])
    case(f"days_ago_{k}","The envoy arrived five days ago.",iso(dct),[E("five days ago",'DATE',iso(dct-dt.timedelta(days=5)))])
    case(f"weeks_ago_{k}","The strike started two weeks ago.",iso(dct),[E("two weeks ago",'DATE',wk(dct-dt.timedelta(days=14)))])
case("a_year_ago","Prices were lower a year ago.","2025-01-13",[E("a year ago",'DATE','2024')])
case("decade_ago","The mine closed a decade ago.","2025-01-13",[E("a decade ago",'DATE','201')])
case("from_now","The treaty expires three years from now.","2025-01-13",[E("three years from now",'DATE','2028')])
case("several_years_ago","The feud began several years ago.","2025-01-13",[E("several years ago",'DATE','PAST_REF')])
case("years_ago_bare","The feud began years ago.","2025-01-13",[E("years ago",'DATE','PAST_REF')])
case("hours_ago","The quake struck two hours ago.","2025-01-13",[E("two hours ago",'DATE','PAST_REF')])
case("approx_ago","The border was redrawn about 30 years ago.","2025-01-13",[E("about 30 years ago",'DATE','1995','APPROX')])
case("more_than_ago","The war ended more than 20 years ago.","2025-01-13",[E("more than 20 years ago",'DATE','2005','BEFORE')])
case("day_before_yesterday","The envoy left the day before yesterday.","2025-01-13",[E("the day before yesterday",'DATE','2025-01-11')])
case("the_past_year_date","Prices doubled over the past year.","2025-01-13",[E("the past year",'DATE','2024')])
case("the_previous_week","The previous week brought floods.","2025-01-13",[E("The previous week",'DATE','2025-W02')])
case("last_march","The law passed last March.","2025-01-13",[E("last March",'DATE','2024-03')])
case("next_march","The law takes effect next March.","2025-01-13",[E("next March",'DATE','2025-03')])
case("this_weekend","Protests are planned this weekend.","2025-01-13",[E("this weekend",'DATE','2025-W03-WE')])
case("last_weekend","Protests erupted last weekend.","2025-01-13",[E("last weekend",'DATE','2025-W02-WE')])
case("the_weekend_past","Storms battered the coast over the weekend.","2025-01-13",[E("the weekend",'DATE','2025-W02-WE')])
case("month_this_year","The accord was signed in January this year.","2025-03-13",[E("January this year",'DATE','2025-01')])
case("month_last_year","The accord was signed in June last year.","2025-03-13",[E("June last year",'DATE','2024-06')])
case("this_month","Fuel prices rose this month.","2025-01-13",[E("this month",'DATE','2025-01')])

# 8. parts of periods
P=[("mid-February","2025-02","MID","The visit is planned for {}."),
   ("early 2025","2025","START","Talks could resume in {}."),
   ("late 2024","2024","END","The plant opened in {}."),
   ("mid-2023","2023","MID","Output fell in {}."),
   ("early March","2025-03","START","The vote will be held in {}."),
   ("late January","2025-01","END","The talks will end in {}."),
   ("mid-June","2025-06","MID","The summit will open in {}."),
   ("the end of the year","2025","END","The troops will leave by {}."),
   ("the beginning of March","2025-03","START","The law takes effect at {}."),
   ("the middle of next year","2026","MID","Rates may fall by {}."),
   ("the end of 2026","2026","END","The project will finish by {}."),
   ("the start of the month","2025-01","START","Fighting flared at {}."),
   ("late last month","2024-12","END","Fighting flared {}."),
   ("early next week","2025-W04","START","A decision is expected {}."),
   ("earlier this year","2025","START","The bank cut rates {}."),
   ("later this month","2025-01","END","The court will rule {}."),
   ("earlier this month","2025-01","START","The ministry warned {}."),
   ("later this year","2025","END","Elections are expected {}."),
   ("late yesterday","2025-01-12","END","The bill passed {}."),
   ("early next year","2026","START","Construction will begin {}."),
   ("the end of the month","2025-01","END","Payment is due by {}."),
   ("late Friday","2025-01-10","END","The rebels attacked {}."),
   ("the end of last year","2024","END","Troops pulled out at {}."),
   ("mid-December","2024-12","MID","Snow fell in {}."),
   ("early this month","2025-01","START","The strike began {}."),
   ]
for i,(t,v,m,f) in enumerate(P):
    case(f"part_of_{i}", f.format(t), "2025-01-13", [E(t,'DATE',v,m)])

# 9. durations
U=[("day","days","D",""),("week","weeks","W",""),("month","months","M",""),("year","years","Y",""),("hour","hours","H","T"),("minute","minutes","M","T")]
NUMS=[(2,"two"),(3,"three"),(5,"five"),(10,"ten"),(18,"18"),(45,"45")]
for u,us,c,t in U:
    for n,w in NUMS:
        case(f"dur_{us}_{n}", f"The siege lasted {w} {us}, witnesses said.", "2025-01-13", [E(f"{w} {us}",'DURATION',f"P{t}{n}{c}")])
    case(f"dur_a_{u}", f"The strike lasted a {u} in total.", "2025-01-13", [E(f"a {u}",'DURATION',f"P{t}1{c}")])
    case(f"dur_adj_{u}", f"They agreed on a three-{u} truce.", "2025-01-13", [E(f"three-{u}",'DURATION',f"P{t}3{c}")])
case("dur_decade","The project took a decade to finish.","2025-01-13",[E("a decade",'DURATION','P10Y')])
case("dur_two_decades","The conflict lasted two decades.","2025-01-13",[E("two decades",'DURATION','P20Y')])
case("dur_century","The bridge has stood for a century.","2025-01-13",[E("a century",'DURATION','P100Y')])
case("dur_past_18_months","Prices have doubled in the past 18 months.","2025-01-13",[E("the past 18 months",'DURATION','P18M')])
case("dur_last_two_weeks","Fighting intensified over the last two weeks.","2025-01-13",[E("the last two weeks",'DURATION','P2W')])
case("dur_next_five_years","The plan covers the next five years.","2025-01-13",[E("the next five years",'DURATION','P5Y')])
case("dur_first_nine_months","Sales rose in the first nine months.","2025-01-13",[E("the first nine months",'DURATION','P9M')])
case("dur_few_days","The talks could take a few days.","2025-01-13",[E("a few days",'DURATION','PXD')])
case("dur_several_weeks","The repairs will take several weeks.","2025-01-13",[E("several weeks",'DURATION','PXW')])
case("dur_years_bare","The two sides have feuded for years.","2025-01-13",[E("years",'DURATION','PXY')])
case("dur_decades_bare","The region has been unstable for decades.","2025-01-13",[E("decades",'DURATION','PXDE')])
case("dur_couple","The visit lasted a couple of days.","2025-01-13",[E("a couple of days",'DURATION','P2D')])
case("dur_twenty_four","The ceasefire held for twenty-four hours.","2025-01-13",[E("twenty-four hours",'DURATION','PT24H')])
case("dur_more_than","The strike lasted more than three weeks.","2025-01-13",[E("more than three weeks",'DURATION','P3W','MORE_THAN')])
case("dur_less_than","The meeting took less than an hour.","2025-01-13",[E("less than an hour",'DURATION','PT1H','LESS_THAN')])
case("dur_about","The journey takes about six hours.","2025-01-13",[E("about six hours",'DURATION','PT6H','APPROX')])
case("dur_nearly","He served nearly ten years in prison.","2025-01-13",[E("nearly ten years",'DURATION','P10Y','APPROX')])
case("dur_at_least","Detainees can be held for at least 30 days.","2025-01-13",[E("at least 30 days",'DURATION','P30D','EQUAL_OR_MORE')])
case("dur_up_to","Suspects face up to 180 days in custody.","2025-01-13",[E("up to 180 days",'DURATION','P180D','EQUAL_OR_LESS')])
case("dur_within","A decision is expected within 18 months.","2025-01-13",[E("18 months","DURATION","P18M")])
case("dur_year_and_half","The trial lasted a year and a half.","2025-01-13",[E("a year and a half","DURATION","P1Y6M")])
case("dur_past_few_weeks","Tensions rose in the past few weeks.","2025-01-13",[E("the past few weeks",'DURATION','PXW')])
case("dur_two_more","Talks will continue for two more weeks.","2025-01-13",[E("two more weeks",'DURATION','P2W')])

# 10. sets
S=[("every year","P1Y"),("every day","P1D"),("each week","P1W"),("every month","P1M"),("every two years","P2Y"),("every Monday","XXXX-WXX-1"),("each Thursday","XXXX-WXX-4"),("every summer","XXXX-SU"),("every other week","P2W"),("every morning","XXXX-XX-XXTMO")]
for i,(t,v) in enumerate(S):
    case(f"set_{i}", f"The council meets {t} to review the budget.", "2025-01-13", [E(t,'SET',v)])
for w,v in [("daily","P1D"),("weekly","P1W"),("monthly","P1M"),("annually","P1Y"),("yearly","P1Y"),("hourly","PT1H")]:
    case(f"set_adv_{w}", f"The figures are published {w} by the agency.", "2025-01-13", [E(w,'SET',v)])
case("set_per","The plant produces 500 tonnes per day.","2025-01-13",[E("per day",'SET','P1D')])
case("set_weekdays","The market opens on Sundays.","2025-01-13",[E("Sundays",'SET','XXXX-WXX-7')])
case("set_every_january","The festival returns every January.","2025-01-13",[E("every January",'SET','XXXX-01')])

# 11. times
T=[("3 p.m.","2025-01-13T15:00","The vote is set for {}."),("10:30 a.m.","2025-01-13T10:30","The court opens at {}."),("9 am","2025-01-13T09:00","Polls open at {}."),
   ("7pm","2025-01-13T19:00","The rally starts at {}."),("noon","2025-01-13T12:00","The deadline expires at {}."),("midnight","2025-01-13T24:00","The curfew begins at {}."),
   ("14:30 GMT","2025-01-13T14:30","The statement came at {}."),("5 p.m. EST","2025-01-13T17:00","Markets closed at {}."),
   ("10 p.m. Wednesday","2025-01-08T22:00","The blast occurred at {}."),("noon Thursday","2025-01-16T12:00","The ultimatum will expire at {}."),
   ("this morning","2025-01-13TMO","The minister spoke {}."),("this afternoon","2025-01-13TAF","The minister will speak {}."),("this evening","2025-01-13TEV","The minister will speak {}."),
   ("tonight","2025-01-13TNI","The president addresses the nation {}."),("last night","2025-01-12TNI","Shelling resumed {}."),("yesterday afternoon","2025-01-12TAF","The talks ended {}."),
   ("tomorrow morning","2025-01-14TMO","The talks resume {}."),("Monday morning","2025-01-13TMO","The talks resumed {}."),("Friday night","2025-01-10TNI","Rockets hit the city {}."),
   ("Saturday evening","2025-01-11TEV","Crowds gathered on {}."),("at 9:15 p.m.","-","x")]
for i,(t,v,f) in enumerate(T):
    if v=='-': continue
    case(f"time_{i}", f.format(t), "2025-01-13", [E(t,'TIME',v)])

# 12. refs
R=[("now","PRESENT_REF","The country is now at a crossroads."),("currently","PRESENT_REF","The envoy is currently in Cairo."),
   ("Currently","PRESENT_REF","Currently, no talks are planned."),("recently","PAST_REF","The army recently withdrew."),
   ("the future","FUTURE_REF","Talks may resume in the future."),("the near future","FUTURE_REF","Talks may resume in the near future."),
   ("soon","FUTURE_REF","A deal could come soon."),("the past","PAST_REF","Such deals failed in the past."),
   ("recent years","PAST_REF","Trade has grown in recent years."),("recent weeks","PAST_REF","Clashes intensified in recent weeks."),
   ("the coming weeks","FUTURE_REF","A decision is expected in the coming weeks."),("the coming days","FUTURE_REF","More troops will arrive in the coming days."),
   ("nowadays","PRESENT_REF","Few people travel there nowadays."),("these days","PRESENT_REF","Markets are calm these days."),
   ("current","PRESENT_REF","The current government opposes the plan."),("lately","PAST_REF","Prices have climbed lately."),
   ("Now","PRESENT_REF","Now the opposition wants a recount."),("the days ahead","FUTURE_REF","Aid will reach the region in the days ahead.")]
for i,(t,v,s) in enumerate(R):
    case(f"ref_{i}", s, "2025-01-13", [E(t,'DATE',v)])

# 13. holidays
case("christmas","The ceasefire began on Christmas Day.","2025-01-13",[E("Christmas Day",'DATE','2024-12-25')])
case("christmas_eve","Shops close early on Christmas Eve.","2024-12-10",[E("Christmas Eve",'DATE','2024-12-24')])
case("new_years_day","The law takes effect on New Year's Day.","2024-12-10",[E("New Year's Day",'DATE','2025-01-01')])
case("new_years_eve","Fireworks lit the sky on New Year's Eve.","2025-01-13",[E("New Year's Eve",'DATE','2024-12-31')])
case("thanksgiving","Travel peaked before Thanksgiving.","2024-12-02",[E("Thanksgiving",'DATE','2024-11-28')])
case("easter","Pilgrims will gather at Easter.","2025-01-13",[E("Easter",'DATE','2025-04-20')])
case("halloween_year","Halloween 2023 fell on a Tuesday.","2025-01-13",[E("Halloween 2023",'DATE','2023-10-31')])

# 14. negatives
NEG=["May I ask a question?","The protesters may march on the capital.","She may well resign.","They march every weekend... no, they march often.".replace(" every weekend... no, they march often", " to the square"),
     "Some 2004 troops were deployed to the border.","The plan, dubbed Trump 2.0, alarmed allies.","Call 555-2004 for details.","Call (202) 555-1986 for details.",
     "The home side won 3-1 in extra time.","The final score was 24-17.","The motion passed 2,019 to 1,030.","Version 2.0 of the software shipped.",
     "The rifle fires 1200 rounds a minute.".replace(" a minute",""),"They paid $2019 for the ticket.","The March for Life drew crowds.".replace("March for Life","Walk for Life"),
     "April Ryan asked the question.","June Carter sang the song.","The current account deficit widened.","Electric current flows through the wire.",
     "Students march to protest fees.","The soldiers may attack at any time.".replace(" at any time",""),"He lost 2000 votes to his rival.".replace("2000 votes","two seats"),
     "Room 1984 is on the second floor.".replace("Room 1984","The room"),"The model A380 is a large aircraft.","Reserve 1500 beds for refugees.",
     "They seized 1,999 rifles.","The index rose 1.5% to 2010.35 points.","The bill, HR 2025, stalled.".replace("HR 2025","the health bill"),
     "He said so himself.","The first lady spoke to reporters.","The second round of voting is tense.","A quarter of the votes were void.",
     "Three-quarters of voters approved.","The 6-year-old boy was rescued.","A 45-year-old man was arrested.","The fall of the city shocked the world.",
     "Prices fall when demand drops.","The Arab Spring changed the region.".replace(" Arab Spring"," uprising"),"Her future is uncertain.",
     "They fought as soon as they met.".replace("as soon as they met","bitterly"),"He is the current champion and a former minister.".replace("current ","reigning "),
     "The decision was previously reported.".replace("previously","widely"),"Voters met the candidate.","Forces may soon march north.".replace(" soon",""),
     "Section 1998(b) applies.".replace("1998(b)","4"),"The sum of 2,020 dollars was paid.","He ran the 100 meters in record time.","The law has 2012 articles.".replace("2012 articles","many articles")]
for i,t in enumerate(NEG):
    case(f"negative_{i}", t, "2025-01-13", [])

# 15. without DCT: underspecified
case("nodct_month","The summit is planned for mid-February.",None,[E("mid-February",'DATE','XXXX-02','MID')])
case("nodct_weekday","The minister will travel on Friday.",None,[E("Friday",'DATE','XXXX-WXX-5')])
case("nodct_yesterday","The envoy arrived yesterday.",None,[E("yesterday",'DATE','XXXX-XX-XX')])
case("nodct_last_year","Exports rose last year.",None,[E("last year",'DATE','XXXX')])
case("nodct_explicit","The accord was signed on January 20, 2025.",None,[E("January 20, 2025",'DATE','2025-01-20')])
case("nodct_month_day","The accord will be signed on January 20.",None,[E("January 20",'DATE','XXXX-01-20')])
case("nodct_duration","The siege lasted three weeks.",None,[E("three weeks",'DURATION','P3W')])
case("nodct_now","The country is now calm.",None,[E("now",'DATE','PRESENT_REF')])
case("nodct_next_week","The report is due next week.",None,[E("next week",'DATE','XXXX-WXX')])

# 16. multi-timex sentences and the canonical article's style (our own wording)
case("multi_seed_style","The prime minister will visit Washington in mid-February, after the inauguration on January 20 and a meeting of top diplomats on January 21.","2025-01-13",
     [E("mid-February",'DATE','2025-02','MID'),E("January 20",'DATE','2025-01-20'),E("January 21",'DATE','2025-01-21')])
case("multi_two","Talks that began on Monday will continue for three days.","2025-01-15",[E("Monday",'DATE','2025-01-13'),E("three days",'DURATION','P3D')])
case("multi_three","Last year the bank cut rates twice; this year it will hold them, and in 2026 it may raise them.","2025-01-13",[E("Last year",'DATE','2024'),E("this year",'DATE','2025'),E("2026",'DATE','2026')])
case("multi_since","The border has been closed since March 2022, for almost three years.","2025-01-13",[E("March 2022",'DATE','2022-03'),E("almost three years",'DURATION','P3Y','APPROX')])
case("invalid_date_feb30","The memo was dated February 30, 2024.","2025-01-13",[E("2024",'DATE','2024')])
case("year_99999","The year 99999 will never come.","2025-01-13",[])
case("paragraph_start","Intro.\n\nLast week the army withdrew.","2025-01-13",[E("Last week",'DATE','2025-W02')])
case("unicode_around","Le sommet — prévu « mid-February » — aura lieu.","2025-01-13",[E("mid-February",'DATE','2025-02','MID')])
case("curly_apostrophe","Trump’s inauguration on January 20 drew crowds.","2025-01-13",[E("January 20",'DATE','2025-01-20')])

# 17. later additions: anchors, compounds, articles
case("event_anchored_week","The minister will attend the inauguration on January 20. During the inauguration week, he will also visit Seoul.","2025-01-13",[E("January 20",'DATE','2025-01-20'),E("inauguration week",'DATE','2025-W04')])
case("event_anchored_day","The summit on March 3 was delayed; on summit day, protesters gathered.","2025-03-10",[E("March 3",'DATE','2025-03-03')])
case("right_now","Right now the talks are stalled.","2025-01-13",[E("Right now",'DATE','PRESENT_REF')])
case("no_more_than","The truce must last no more than 60 days.","2025-01-13",[E("no more than 60 days",'DURATION','P60D','EQUAL_OR_LESS')])
case("around_clock","The blast came around 7:15 p.m., police said.","2025-01-13",[E("around 7:15 p.m.",'TIME','2025-01-13T19:15','APPROX')])
case("this_years_quarter","Margins shrank in this year's third quarter.","2025-11-13",[E("this year's third quarter",'DATE','2025-Q3')])
case("year_before_quarter","Sales fell from the 2023 fourth quarter.","2025-01-13",[E("the 2023 fourth quarter",'DATE','2023-Q4')])
case("adj_duration_article","The two-week truce expired.","2025-01-13",[E("two-week",'DURATION','P2W')])
case("adj_quarter_article","The third-quarter results disappointed.","2024-11-13",[E("third-quarter",'DATE','2024-Q3')])
case("soon_after","He was freed soon after the election.","2025-01-13",[])
case("spoken_year","The plant closed in nineteen ninety-six.","2025-01-13",[E("nineteen ninety-six",'DATE','1996')])
case("spoken_year_two_thousand","It happened in the year two thousand.","2025-01-13",[E("the year two thousand",'DATE','2000')])
case("year_ago_quarter_anchor","Profit in the third quarter rose to $5 million from $3 million a year earlier.","2024-11-13",[E("the third quarter",'DATE','2024-Q3'),E("a year earlier",'DATE','2023-Q3')])
case("year_ago_adjective","Revenue beat the year-ago quarter.","2024-11-13",[E("the year-ago quarter",'DATE','2023-Q3')])
case("mid_year_prefix","Output will recover by mid-2026.","2025-01-13",[E("mid-2026",'DATE','2026','MID')])
case("age_not_duration","A 6-year-old girl and a 45-year-old man were hurt.","2025-01-13",[])
case("fraction_not_duration","Three-quarters of the budget was spent.","2025-01-13",[])
case("possessive_current","The nation's current spending is low.","2025-01-13",[E("current",'DATE','PRESENT_REF')])
case("will_be_held","Elections will be held in March.","2025-11-13",[E("March",'DATE','2026-03')])
case("were_held","Elections were held in March.","2025-11-13",[E("March",'DATE','2025-03')])
case("weekday_possessive_today","The ministers met on Monday, January 13.","2025-01-13",[E("Monday, January 13",'DATE','2025-01-13')])

# 18. known gaps (expected values are right; the tagger does not get them yet)
case("later_this_afternoon","The vote comes later this afternoon.","2025-01-13",[E("later this afternoon",'TIME','2025-01-13TAF','END')])
case("week_of","Talks are set for the week of March 3.","2025-01-13",[E("the week of March 3",'DATE','2025-W10')])
case("fraction_hours","The standoff lasted 5 1/2 hours.","2025-01-13",[E("5 1/2 hours",'DURATION','PT5H30M')])
case("gap_range_weeks","Repairs will take two to three weeks.","2025-01-13",[E("two to three weeks",'DURATION','P2W','EQUAL_OR_MORE')])
case("anchored_following_month","The war began in March 2022. The following month, talks failed.","2025-01-13",[E("March 2022",'DATE','2022-03'),E("The following month",'DATE','2022-04')])
case("anchored_that_year","The plant opened in 1998. Later that year it was sold.","2025-01-13",[E("1998",'DATE','1998'),E("that year",'DATE','1998')])
case("anchored_previous_day","The ceasefire began on March 3, 2024. Fighting had raged the previous day.","2025-01-13",[E("March 3, 2024",'DATE','2024-03-03'),E("the previous day",'DATE','2024-03-02')])
case("anchored_next_day","Talks opened on June 5, 2023, and collapsed the next day.","2025-01-13",[E("June 5, 2023",'DATE','2023-06-05'),E("the next day",'DATE','2023-06-06')])
case("that_complementizer","He said that year-end results were weak.","2025-01-13",[])
case("weekday_tomorrow_no_tense","Talks resume Tuesday in Geneva.","2025-01-13",[E("Tuesday",'DATE','2025-01-14')])
case("weekday_past_no_tense_far","Talks in Geneva, Friday: no progress.","2025-01-13",[E("Friday",'DATE','2025-01-10')])
case("neg_daily_name","She writes for the Daily Planet in the city.","2025-01-13",[])
case("neg_usa_today","He told USA Today that he would run.","2025-01-13",[])
case("neg_year_over_year","Sales grew a year over year basis in the region.".replace("a year over year basis","year over year"),"2025-01-13",[])
case("neg_day_of","It was a day of mourning across the nation.","2025-01-13",[])
case("gap_day_before_last","They met the day before last Tuesday.","2025-01-13",[E("the day before last Tuesday",'DATE','2025-01-06')])
case("gap_year_or_two","A deal may come in a year or two.","2025-01-13",[E("a year or two",'DATE','FUTURE_REF')])
case("this_coming","The vote is this coming Sunday.","2025-01-13",[E("this coming Sunday",'DATE','2025-01-19')])

# 19. year-end, "earlier in the year", bare plurals before "of", tense cues
case("year_end_hyphen","The merger should close by year-end.","2025-01-13",[E("year-end",'DATE','2025','END')])
case("year_end_words","The bank expects to cut 500 jobs by year end, a spokeswoman said.","2025-01-13",[E("year end",'DATE','2025','END')])
case("year_end_possessive","New rules will be in place by year's end.","2025-01-13",[E("year's end",'DATE','2025','END')])
case("year_end_since","The index has gained 4% since year-end.","2025-03-13",[E("year-end",'DATE','2024','END')])
case("year_end_adjective","Year-end bonuses were cut at the bank.","2025-01-13",[])
case("earlier_in_the_year","Exports were hit earlier in the year by floods.","2025-06-13",[E("earlier in the year",'DATE','2025','START')])
case("later_in_the_month","A verdict is expected later in the month.","2025-01-13",[E("later in the month",'DATE','2025-01','END')])
case("stretch_months_of","The accord follows months of talks between the rivals.","2025-01-13",[E("months",'DURATION','PXM')])
case("stretch_years_of","The truce ended years of fighting in the valley.","2025-01-13",[E("years",'DURATION','PXY')])
case("stretch_not_after_det","Their years of exile shaped the movement.","2025-01-13",[])
case("season_last_fall_in","Rebels seized the town last fall in a surprise raid.","2025-01-13",[E("last fall",'DATE','2024-FA')])
case("spoken_year_then_verb","The approach of the year two thousand has worried many sects.","1998-03-03",[E("the year two thousand",'DATE','2000')])
case("tense_passive_infinitive","They expect the merger to be completed by March 20.","2025-11-13",[E("March 20",'DATE','2026-03-20')])
case("tense_report_after_modal","The verdict will be announced Tuesday.","2025-01-13",[E("Tuesday",'DATE','2025-01-14')])
case("tense_next_to","Troops met next to the border post on Friday.","2025-01-13",[E("Friday",'DATE','2025-01-10')])
case("tense_noun_after_det","The cabinet approved the plan on Thursday.","2025-01-13",[E("Thursday",'DATE','2025-01-09')])
case("tense_set_aside","On Friday, the minister set aside the proposal.","2025-01-13",[E("Friday",'DATE','2025-01-10')])
case("tense_set_to","The minister is set to travel to Rome on Friday.","2025-01-13",[E("Friday",'DATE','2025-01-17')])
case("tense_had_been_due","The treaty had been due to expire on Friday.","2025-01-13",[E("Friday",'DATE','2025-01-10')])

def q(s): return '"' + s.replace('\\','\\\\').replace('"','\\"').replace('\n','\\n') + '"'
names=set()
out=["# testdata/timex.toml: TIMEX3 cases for tacitus-time (sentences written for this file).",
     "# DO NOT EDIT: GENERATED BY python3 crates/time/tools/gen_timex_cases.py (edit the script, then rerun).",
     "# [[case]] name, text, dct (publication date; absent = none), expect = [{ text, type, value, mod? }]",
     "# Loaded by crates/time/tests/timex.rs, which reports the pass rate.",""]
for name,text,dct,exp in cases:
    assert name not in names, name; names.add(name)
    out.append("[[case]]"); out.append(f"name = {q(name)}"); out.append(f"text = {q(text)}")
    if dct: out.append(f"dct = {q(dct)}")
    items=[]
    for t,ty,v,m in exp:
        assert t in text, (name,t)
        s="{ text = %s, type = %s, value = %s" % (q(t),q(ty),q(v))
        if m: s+=", mod = %s" % q(m)
        items.append(s+" }")
    out.append("expect = [" + ", ".join(items) + "]" if items else "expect = []")
    out.append("")
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'testdata', 'timex.toml'),'w').write("\n".join(out))
print(len(cases))
