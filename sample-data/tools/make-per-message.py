#!/usr/bin/env python3
"""Generates sample-data/per-message/export-YYYY-MM.csv: message exports of the per-message pricing era.

Deterministic (fixed seed), stdlib only. Run from the repository root:
    python3 sample-data/tools/make-per-message.py
One file per UTC month (by the message's `timestamp`) from 2025-06 to 2026-11, for the five sample
WABAs of make-messages.py. What the files hold, and the message ids of the deliberate cases, is
described in sample-data/per-message.md. The script ends by reading its files back, checking every
row, and printing the figures per-message.md quotes (row counts, the free tier, the volume bands).

Meta's status-webhook columns (`meta_pricing_category`, `meta_pricing_type`) are computed here with
the rules of docs/per-message-pricing.md 1-2 (a small independent model, not the suite's code), set on about
half of the delivered outbound messages from July 2025 on, then a few are altered on purpose.
"""
import csv
import os
import random
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

random.seed(20250701)
UTC = timezone.utc
OUT = "sample-data/per-message"
FIRST_MONTH, LAST_MONTH = (2025, 6), (2026, 11)
PMP_2025, PMP_2026_10 = date(2025, 7, 1), date(2026, 10, 1)
FREE_SERVICE_TIER = 1000

# (waba, time zone, phone numbers, customer calling codes, templates by category) as in make-messages.py;
# the categories are what the 2023 migration gives these templates (content-based, docs/billing-rules.md 2).
ACCOUNTS = [
    ("102938475610001", "America/Sao_Paulo", ["110000000000001", "110000000000002"], ["55"] * 8 + ["54", "351"],
     {"UTILITY": [("pedido_confirmado", "pt_BR"), ("pedido_enviado", "pt_BR"), ("pagamento_aprovado", "pt_BR")],
      "MARKETING": [("promo_inverno", "pt_BR"), ("carrinho_abandonado", "pt_BR"), ("novidades_semana", "pt_BR")],
      "AUTHENTICATION": [("codigo_login", "pt_BR")]}),
    ("102938475610002", "Europe/Amsterdam", ["120000000000001"], ["49", "49", "33", "33", "31", "31", "972"],
     {"UTILITY": [("bestelling_bevestigd", "nl"), ("pakket_onderweg", "nl"), ("bestellung_versendet", "de")],
      "MARKETING": [("zomerkorting", "nl"), ("sommerrabatt", "de"), ("soldes_fromages", "fr")],
      "AUTHENTICATION": [("inlogcode", "nl"), ("bestaetigungscode", "de")]}),
    ("102938475610003", "Asia/Kolkata", ["130000000000001", "130000000000002"], ["91"] * 6 + ["971"],
     {"UTILITY": [("booking_confirmed", "en_US"), ("flight_delay", "en_US"), ("refund_processed", "en_US")],
      "MARKETING": [("monsoon_deals", "en_US"), ("cart_reminder", "en_US"), ("trip_reminder_upsell", "en_US")],
      "AUTHENTICATION": [("otp_login", "en_US"), ("new_account_password", "en_US")]}),
    ("102938475610004", "Asia/Jakarta", ["140000000000001"], ["62"] * 5 + ["60", "60"],
     {"UTILITY": [("pesanan_dikirim", "id"), ("tagihan_jatuh_tempo", "id")],
      "MARKETING": [("promo_akhir_tahun", "id")],
      "AUTHENTICATION": [("kode_otp", "id")]}),
    ("102938475610005", "America/Bogota", ["150000000000001"], ["57"] * 4 + ["54", "56", "20"],
     {"UTILITY": [("reserva_confirmada", "es"), ("vuelo_sale", "es_CO"), ("pago_recibido", "es")],
      "MARKETING": [("oferta_temporada", "es")],
      "AUTHENTICATION": [("codigo_verificacion", "es_AR")]}),
]
BY_WABA = {a[0]: a for a in ACCOUNTS}
ZONE = {a[0]: ZoneInfo(a[1]) for a in ACCOUNTS}
PORTFOLIO = {"102938475610001": "900000000000001", "102938475610005": "900000000000001"}  # as accounts.csv
CATEGORY = {(a[0], name, lang): c for a in ACCOUNTS for c, ts in a[4].items() for name, lang in ts}
MARKETS = {"54": "Argentina", "55": "Brazil", "56": "Chile", "57": "Colombia", "20": "Egypt", "33": "France",
           "49": "Germany", "91": "India", "62": "Indonesia", "972": "Israel", "60": "Malaysia"}
FREE_FORM = ["text", "text", "text", "image", "document", "interactive", "audio", "location"]
BULK_PHONE = "130000000000001"  # the number that passes the 1,000 free service messages in October 2026

messages = []
counter = [0]


def new_id():
    counter[0] += 1
    return "wamid.HBgM%07dPERMSG" % counter[0]


def customer(code):
    digits = {"55": 11, "54": 10, "351": 9, "49": 10, "33": 9, "31": 9, "972": 9, "91": 10, "971": 9,
              "62": 10, "60": 9, "57": 10, "56": 9, "20": 10}[code]
    return code + "".join(str(random.randint(0, 9)) for _ in range(digits))


def market(number):
    for n in (3, 2, 1):
        if number[:n] in MARKETS:
            return MARKETS[number[:n]]
    return "Other"


def add(**m):
    m["message_id"] = new_id()
    messages.append(m)
    return m


def outbound(waba, phone, cust, at, kind, template=None, status=None, delay=None):
    status = status or random.choices(["read", "delivered", "sent", "failed"], [62, 33, 2, 3])[0]
    delivered = None
    if status in ("read", "delivered"):
        delivered = at + (delay if delay is not None else timedelta(seconds=random.randint(1, 40)))
    return add(waba_id=waba, phone_number_id=phone, customer_wa_id=cust, direction="outbound",
               type="template" if template else kind, template_name=template[0] if template else "",
               template_language=template[1] if template else "", timestamp=at, status=status,
               delivered_at=delivered, entry_point="")


def inbound(waba, phone, cust, at, entry_point=""):
    return add(waba_id=waba, phone_number_id=phone, customer_wa_id=cust, direction="inbound",
               type=random.choice(["text", "text", "image", "interactive"]), template_name="",
               template_language="", timestamp=at, status="", delivered_at=None, entry_point=entry_point)


def local(waba, y, mo, d, h, mi=0):
    """An account-local wall-clock time as a UTC instant."""
    return datetime(y, mo, d, h, mi, tzinfo=ZONE[waba]).astimezone(UTC)


def month_start(y, mo):
    return datetime(y, mo, 1, tzinfo=UTC)


def months():
    y, mo = FIRST_MONTH
    while (y, mo) <= LAST_MONTH:
        yield y, mo
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)


# ---------------------------------------------------------------- background: a small, realistic mix
POOL = {}
for waba, _, phones, codes, _ in ACCOUNTS:
    POOL[waba] = [(customer(code), random.choice(phones)) for code in codes for _ in range(2)]


def story(waba, phone, cust, templates, start, end):
    """One customer's month: business-initiated, customer-initiated and referral threads, all inside [start, end)."""
    t = start + timedelta(minutes=random.randint(0, 60 * 24 * 3))
    while t < end:
        kind = random.choices(["utility", "marketing", "auth", "service", "csw_utility", "ctwa", "page", "late"],
                              [22, 16, 12, 24, 10, 6, 3, 7])[0]
        if kind in ("utility", "marketing", "auth"):
            category = {"utility": "UTILITY", "marketing": "MARKETING", "auth": "AUTHENTICATION"}[kind]
            outbound(waba, phone, cust, t, None, random.choice(templates[category]))
            if random.random() < 0.4:  # the customer answers and the business replies free-form
                t += timedelta(minutes=random.randint(2, 300))
                inbound(waba, phone, cust, t)
                for _ in range(random.randint(1, 2)):
                    t += timedelta(minutes=random.randint(1, 30))
                    outbound(waba, phone, cust, t, random.choice(FREE_FORM))
        elif kind == "service":
            inbound(waba, phone, cust, t)
            for _ in range(random.randint(1, 3)):
                t += timedelta(minutes=random.randint(1, 90))
                if random.random() < 0.3:
                    inbound(waba, phone, cust, t)
                    t += timedelta(minutes=random.randint(1, 10))
                outbound(waba, phone, cust, t, random.choice(FREE_FORM))
        elif kind == "csw_utility":  # a utility template inside the customer service window
            inbound(waba, phone, cust, t)
            t += timedelta(minutes=random.randint(10, 600))
            outbound(waba, phone, cust, t, None, random.choice(templates["UTILITY"]), status="read")
        elif kind in ("ctwa", "page"):
            inbound(waba, phone, cust, t, "ctwa_ad" if kind == "ctwa" else "page_cta")
            t += timedelta(minutes=random.randint(1, 600))
            outbound(waba, phone, cust, t, "text", status="read")
            for _ in range(random.randint(1, 3)):  # the free entry point covers everything for 72 h
                t += timedelta(hours=random.randint(2, 20))
                if random.random() < 0.4:
                    outbound(waba, phone, cust, t, None, random.choice(templates["MARKETING"]))
                else:
                    inbound(waba, phone, cust, t)
                    t += timedelta(minutes=5)
                    outbound(waba, phone, cust, t, "text")
        else:  # sent at night, delivered hours later when the phone came online
            outbound(waba, phone, cust, t, None, random.choice(templates["UTILITY"]), status="delivered",
                     delay=timedelta(hours=random.randint(3, 20)))
        t += timedelta(hours=random.randint(30, 150), minutes=random.randint(0, 59))


for y, mo in months():
    start = month_start(y, mo) + timedelta(days=1)
    end = start + timedelta(days=21)  # every background thread ends inside its UTC and local month
    end = min(end, datetime(2026, 11, 20, tzinfo=UTC))  # nothing later than the sample's last day
    for waba, _, phones, codes, templates in ACCOUNTS:
        for cust, phone in random.sample(POOL[waba], 8):
            story(waba, phone, cust, templates, start, end)

# ---------------------------------------------------------------- deliberate cases
CASES = {}  # name -> list of messages (ids are written to the report)
W1, W2, W3, W4, W5 = (a[0] for a in ACCOUNTS)

# T1: CBP -> PMP transition, Loja Aurora (Sao Paulo, UTC-3). A UTILITY conversation opens at 23:00 local
# on 2025-06-30 (02:00Z on 07-01, so the rows are in the July file); the same-category template at 00:30
# local and a free-form reply at 00:35 are covered by it (no pricing record); after it expires (23:00
# local 07-01) the next utility template is priced per message.
c = customer("55")
CASES["T1"] = [
    inbound(W1, "110000000000001", c, local(W1, 2025, 6, 30, 22, 40)),
    outbound(W1, "110000000000001", c, local(W1, 2025, 6, 30, 23, 0), None, ("pedido_confirmado", "pt_BR"),
             status="read", delay=timedelta(seconds=4)),
    outbound(W1, "110000000000001", c, local(W1, 2025, 7, 1, 0, 30), None, ("pedido_enviado", "pt_BR"),
             status="read", delay=timedelta(seconds=6)),
    outbound(W1, "110000000000001", c, local(W1, 2025, 7, 1, 0, 35), "text", status="read",
             delay=timedelta(seconds=3)),
    outbound(W1, "110000000000001", c, local(W1, 2025, 7, 1, 23, 30), None, ("pagamento_aprovado", "pt_BR"),
             status="delivered", delay=timedelta(seconds=5)),
]
# T2: Viajes Andinos (Bogota, UTC-5). A MARKETING conversation opens at 23:10 local on 2025-06-30; the
# customer answers at 00:20 local, the free-form reply at 00:30 is covered by the open marketing
# conversation; a UTILITY template at 01:00 finds no utility conversation and none may open any more:
# PMP-2025, inside the window -> free_customer_service.
c = customer("57")
CASES["T2"] = [
    outbound(W5, "150000000000001", c, local(W5, 2025, 6, 30, 23, 10), None, ("oferta_temporada", "es"),
             status="read", delay=timedelta(seconds=8)),
    inbound(W5, "150000000000001", c, local(W5, 2025, 7, 1, 0, 20)),
    outbound(W5, "150000000000001", c, local(W5, 2025, 7, 1, 0, 30), "text", status="read",
             delay=timedelta(seconds=2)),
    outbound(W5, "150000000000001", c, local(W5, 2025, 7, 1, 1, 0), None, ("reserva_confirmada", "es"),
             status="read", delay=timedelta(seconds=5)),
]
# T3: Sahyadri Travels (Kolkata, UTC+5:30): two customers, both in the UTC June file. 18:00Z is 23:30 local
# on 06-30 (CBP, opens a UTILITY conversation); 19:00Z is 00:30 local on 07-01 (PMP-2025, regular).
c1, c2 = customer("91"), customer("91")
CASES["T3"] = [
    outbound(W3, "130000000000002", c1, datetime(2025, 6, 30, 18, 0, tzinfo=UTC), None,
             ("booking_confirmed", "en_US"), status="read", delay=timedelta(seconds=3)),
    outbound(W3, "130000000000002", c2, datetime(2025, 6, 30, 19, 0, tzinfo=UTC), None,
             ("flight_delay", "en_US"), status="read", delay=timedelta(seconds=3)),
]
# S1: PMP-2025 -> PMP-2026-10 at local midnight, Kaashandel De Molen (Amsterdam, CEST UTC+2). The customer
# writes at 21:50 local on 2026-09-30; a utility template at 23:40 local is free (PMP-2025, inside the
# window); the next one at 00:20 local on 10-01 (22:20Z on 09-30, UTC September file) is regular
# (PMP-2026-10); the free-form reply at 00:25 local is a service message of the October tier.
c = customer("49")
CASES["S1"] = [
    inbound(W2, "120000000000001", c, local(W2, 2026, 9, 30, 21, 50)),
    outbound(W2, "120000000000001", c, local(W2, 2026, 9, 30, 23, 40), None, ("bestelling_bevestigd", "nl"),
             status="read", delay=timedelta(seconds=5)),
    outbound(W2, "120000000000001", c, local(W2, 2026, 10, 1, 0, 20), None, ("pakket_onderweg", "nl"),
             status="read", delay=timedelta(seconds=5)),
    outbound(W2, "120000000000001", c, local(W2, 2026, 10, 1, 0, 25), "text", status="read",
             delay=timedelta(seconds=2)),
]
# U1/U2: utility templates inside the customer service window, Toko Nusantara (Jakarta, UTC+7):
# September 2026 (free_customer_service) and October 2026 (regular).
c = customer("62")
CASES["U1"] = [inbound(W4, "140000000000001", c, local(W4, 2026, 9, 15, 10, 5)),
               outbound(W4, "140000000000001", c, local(W4, 2026, 9, 15, 12, 30), None,
                        ("tagihan_jatuh_tempo", "id"), status="read", delay=timedelta(seconds=7))]
CASES["U2"] = [inbound(W4, "140000000000001", c, local(W4, 2026, 10, 15, 10, 5)),
               outbound(W4, "140000000000001", c, local(W4, 2026, 10, 15, 12, 30), None,
                        ("tagihan_jatuh_tempo", "id"), status="read", delay=timedelta(seconds=7))]

# ---------------------------------------------------------------- bulk: one number past the free service tier
# Sahyadri Travels, phone 130000000000001, Asia/Kolkata. Local October 2026 = [09-30T18:30Z, 10-31T18:30Z).
# A midnight sale draws customers from 00:00 to 05:00 local on 10-01 (still 30 September in UTC), and
# again on 11-01 local (still 31 October in UTC), so the UTC month and the local month count differently.
BULK_POOL = [customer(random.choice(["91"] * 9 + ["971"])) for _ in range(420)]


def bulk(start, end, replies):
    """Customer threads on BULK_PHONE with free-form replies inside the window, until `replies` were delivered."""
    delivered = 0
    span = (end - start).total_seconds()
    threads = []
    while delivered < replies:
        threads.append(start + timedelta(seconds=random.randint(0, int(span) - 3600)))
        delivered += 3  # estimate; exact count below
    threads.sort()
    delivered = 0
    for t in threads:
        cust = random.choice(BULK_POOL)
        inbound(W3, BULK_PHONE, cust, t)
        for _ in range(random.randint(1, 5)):
            if delivered >= replies:
                return
            t += timedelta(minutes=random.randint(1, 25))
            m = outbound(W3, BULK_PHONE, cust, t, random.choice(FREE_FORM),
                         status=random.choices(["read", "delivered", "failed"], [70, 28, 2])[0])
            if m["delivered_at"]:
                delivered += 1
    while delivered < replies:  # top up with short threads at the end of the span
        cust = random.choice(BULK_POOL)
        t = end - timedelta(minutes=30 + delivered % 20)
        inbound(W3, BULK_PHONE, cust, t)
        outbound(W3, BULK_PHONE, cust, t + timedelta(minutes=3), "text", status="read")
        delivered += 1


bulk(local(W3, 2026, 10, 1, 0, 0), local(W3, 2026, 10, 1, 5, 0), 170)       # UTC September
bulk(datetime(2026, 10, 1, 6, tzinfo=UTC), datetime(2026, 10, 30, tzinfo=UTC), 900)
bulk(local(W3, 2026, 11, 1, 0, 0), local(W3, 2026, 11, 1, 5, 0), 60)        # UTC October, local November
bulk(datetime(2026, 11, 2, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC), 560)

# ---------------------------------------------------------------- volume bands: portfolio 900000000000001 in November 2026
# Loja Aurora (Sao Paulo) and Viajes Andinos (Bogota) share a portfolio; both send utility templates to
# Argentina, so the Argentina UTILITY bucket mixes the two WABAs; Brazil AUTHENTICATION is Loja Aurora's.
# All between 2 and 20 November UTC (nothing after: the sample must not be in the future of a run on 2026-11-26), inside both accounts' local November, outside any service window.
TIERS_START, TIERS_END = datetime(2026, 11, 2, 12, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC)


def blast(waba, code, templates, count, customers):
    people = [customer(code) for _ in range(customers)]
    span = int((TIERS_END - TIERS_START).total_seconds())
    for _ in range(count):
        at = TIERS_START + timedelta(seconds=random.randint(0, span))
        outbound(waba, random.choice(BY_WABA[waba][2]), random.choice(people), at, None, random.choice(templates),
                 status=random.choice(["read", "read", "delivered"]))


blast(W1, "54", BY_WABA[W1][4]["UTILITY"], 125, 40)
blast(W5, "54", BY_WABA[W5][4]["UTILITY"], 115, 35)
blast(W1, "55", BY_WABA[W1][4]["AUTHENTICATION"], 225, 90)
blast(W5, "57", BY_WABA[W5][4]["AUTHENTICATION"], 30, 20)


# ---------------------------------------------------------------- the model of docs/per-message-pricing.md 1-2
def regime(waba, t):
    d = t.astimezone(ZONE[waba]).date()
    return "CBP-2023" if d < PMP_2025 else "PMP-2025" if d < PMP_2026_10 else "PMP-2026-10"


def local_month(waba, t):
    lt = t.astimezone(ZONE[waba])
    return "%04d-%02d" % (lt.year, lt.month)


def event_time(m):
    return m["timestamp"] if m["direction"] == "inbound" else m["delivered_at"]


service_count = Counter()   # (phone, local month) -> delivered service messages (PMP-2026-10 only)
tier_count = Counter()      # (portfolio, market, category, local month) -> regular messages
tier_position = {}          # message_id -> n within its bucket
state = {}
events = sorted((m for m in messages if m["direction"] == "inbound" or m["delivered_at"]),
                key=lambda m: (event_time(m), m["direction"] != "inbound", m["message_id"]))
for m in events:
    s = state.setdefault((m["waba_id"], m["phone_number_id"], m["customer_wa_id"]),
                         {"csw": None, "referral": None, "fep": None, "cbp": {}, "cbp_fep": None})
    if m["direction"] == "inbound":
        u = m["timestamp"]
        s["csw"] = u + timedelta(hours=24)
        if m["entry_point"]:
            s["referral"] = u + timedelta(hours=24)
        continue
    t, waba = m["delivered_at"], m["waba_id"]
    r = regime(waba, t)
    m["regime"] = r
    template = m["type"] == "template"
    category = CATEGORY.get((waba, m["template_name"], m["template_language"]), "MARKETING") if template else None
    in_csw = s["csw"] is not None and t < s["csw"]
    pending = s["referral"] is not None and t < s["referral"]
    if r == "CBP-2023":  # docs/billing-rules.md 3.3, only to know what stays open across the switch
        if s["cbp_fep"] and t < s["cbp_fep"][1]:
            m["cbp"] = s["cbp_fep"][0]
            s["referral"] = None
        elif pending:
            s["cbp_fep"] = (("mc." + m["message_id"][10:17], "referral_conversion"), t + timedelta(hours=72))
            s["cbp"], s["referral"] = {}, None
            m["cbp"] = s["cbp_fep"][0]
        elif template:
            o = s["cbp"].get(category)
            if not o or t >= o[1]:
                o = (("mc." + m["message_id"][10:17], category.lower()), t + timedelta(hours=24))
                s["cbp"][category] = o
            m["cbp"] = o[0]
        else:
            live = [o for o in s["cbp"].values() if t < o[1]]
            if not live:
                o = (("mc." + m["message_id"][10:17], "service"), t + timedelta(hours=24))
                s["cbp"]["SERVICE"] = o
                live = [o]
            m["cbp"] = max(live, key=lambda o: o[1] - timedelta(hours=24))[0]
        continue
    # section 1: still covered by a conversation opened under CBP
    if s["cbp_fep"] and t < s["cbp_fep"][1]:
        m["cbp"] = s["cbp_fep"][0]
        continue
    if template and category in s["cbp"] and t < s["cbp"][category][1]:
        m["cbp"] = s["cbp"][category][0]
        continue
    live = [o for o in s["cbp"].values() if t < o[1]]
    if not template and live:
        m["cbp"] = max(live, key=lambda o: o[1])[0]
        continue
    # section 2
    if s["fep"] and t < s["fep"]:
        m["pricing"] = ("REFERRAL_CONVERSION", "free_entry_point")
        s["referral"] = None
    elif pending:
        s["fep"] = t + timedelta(hours=72)
        s["referral"] = None
        m["pricing"] = ("REFERRAL_CONVERSION", "free_entry_point")
    elif template:
        if category == "UTILITY" and in_csw and r == "PMP-2025":
            m["pricing"] = (category, "free_customer_service")
        else:
            m["pricing"] = (category, "regular")
    else:
        assert in_csw, m  # every free-form reply here is inside a window
        if r == "PMP-2025":
            m["pricing"] = ("SERVICE", "free_customer_service")
        else:
            key = (m["phone_number_id"], local_month(waba, t))
            service_count[key] += 1
            m["service_n"] = service_count[key]
            m["pricing"] = ("SERVICE", "free_customer_service" if service_count[key] <= FREE_SERVICE_TIER
                            else "regular")
    if m["pricing"][1] == "regular" and m["pricing"][0] in ("UTILITY", "AUTHENTICATION"):
        key = (PORTFOLIO.get(waba, waba), market(m["customer_wa_id"]), m["pricing"][0], local_month(waba, t))
        tier_count[key] += 1
        tier_position[m["message_id"]] = (key, tier_count[key])

# ---------------------------------------------------------------- Meta's columns, then the deliberate disagreements
for m in sorted(messages, key=lambda m: m["message_id"]):
    if "cbp" in m and m["delivered_at"] >= datetime(2025, 6, 25, tzinfo=UTC):
        m["meta_conversation_id"], m["meta_category"] = m["cbp"]  # CBP-era columns around the switch only
    if "pricing" in m and random.random() < 0.5:
        m["meta_pricing_category"] = m["pricing"][0].lower()
        m["meta_pricing_type"] = m["pricing"][1]
for name in ("T1", "T2", "T3", "S1", "U1", "U2"):  # the transition cases always carry Meta's view
    for m in CASES[name]:
        if "pricing" in m:
            m["meta_pricing_category"], m["meta_pricing_type"] = m["pricing"][0].lower(), m["pricing"][1]


def first(pred):
    return min((m for m in messages if pred(m)), key=lambda m: (m["delivered_at"] or m["timestamp"], m["message_id"]))


def in_month(m, y, mo):
    t = m["delivered_at"] or m["timestamp"]
    return month_start(y, mo) + timedelta(days=2) <= t < month_start(y, mo) + timedelta(days=25)


taken = {m["message_id"] for ms in CASES.values() for m in ms}
# D1 category disagreement: a regular UTILITY template that Meta reports as marketing (September 2025).
d1 = first(lambda m: m.get("pricing") == ("UTILITY", "regular") and m["waba_id"] == W2 and in_month(m, 2025, 9))
d1["meta_pricing_category"], d1["meta_pricing_type"] = "marketing", "regular"
# D2 free vs charged: a UTILITY template inside the window under PMP-2025 (free here), Meta says regular (March 2026).
d2 = first(lambda m: m.get("pricing") == ("UTILITY", "free_customer_service") and in_month(m, 2026, 3)
           and m["message_id"] not in taken)
d2["meta_pricing_category"], d2["meta_pricing_type"] = "utility", "regular"
# D3 charged vs free: the bulk number's 1,050th October service message (regular here), Meta says free.
d3 = first(lambda m: m.get("service_n") == 1050 and m["phone_number_id"] == BULK_PHONE
           and local_month(W3, m["delivered_at"]) == "2026-10")
d3["meta_pricing_category"], d3["meta_pricing_type"] = "service", "free_customer_service"
# D4 unknown value: a PMP-2025 service message whose type is one the suite does not know (November 2025).
d4 = first(lambda m: m.get("pricing") == ("SERVICE", "free_customer_service") and in_month(m, 2025, 11))
d4["meta_pricing_category"], d4["meta_pricing_type"] = "service", "free_tier_x"
# D5 Meta record with no delivered message here: a template whose final status in the export is `sent`.
d5 = first(lambda m: m["direction"] == "outbound" and m["status"] == "sent" and m["type"] == "template"
           and m["timestamp"] >= datetime(2026, 2, 1, tzinfo=UTC))
d5["meta_pricing_category"] = CATEGORY[(d5["waba_id"], d5["template_name"], d5["template_language"])].lower()
d5["meta_pricing_type"] = "regular"
DELIBERATE = {"D1": d1, "D2": d2, "D3": d3, "D4": d4, "D5": d5}

# ---------------------------------------------------------------- writing
COLUMNS = ["message_id", "waba_id", "phone_number_id", "customer_wa_id", "direction", "type", "template_name",
           "template_language", "timestamp", "status", "delivered_at", "entry_point", "meta_conversation_id",
           "meta_category", "meta_pricing_category", "meta_pricing_type"]
LOCAL_OFFSET_FILES = {(2025, 6), (2025, 7), (2026, 9), (2026, 10)}  # the switch months: account-local offsets


def render(t, waba, offsets):
    if not t:
        return ""
    return t.astimezone(ZONE[waba]).isoformat() if offsets else t.strftime("%Y-%m-%dT%H:%M:%SZ")


os.makedirs(OUT, exist_ok=True)
messages.sort(key=lambda m: (m["timestamp"], m["message_id"]))
files = {}
for y, mo in months():
    name = "export-%04d-%02d.csv" % (y, mo)
    nxt = month_start(y + 1, 1) if mo == 12 else month_start(y, mo + 1)
    rows = [m for m in messages if month_start(y, mo) <= m["timestamp"] < nxt]
    offsets = (y, mo) in LOCAL_OFFSET_FILES
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for m in rows:
            r = dict(m, timestamp=render(m["timestamp"], m["waba_id"], offsets),
                     delivered_at=render(m["delivered_at"], m["waba_id"], offsets))
            w.writerow([r.get(c, "") for c in COLUMNS])
    files[name] = len(rows)
assert sum(files.values()) == len(messages)

# ---------------------------------------------------------------- reading back and checking every row
templates = set()
with open("sample-data/templates.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        templates.add((r["waba_id"], r["name"], r["language"]))
seen = set()
KNOWN_CAT = {"utility", "authentication", "marketing", "service", "referral_conversion"}
KNOWN_TYPE = {"regular", "free_customer_service", "free_entry_point"}
unknown_meta = []
for name in sorted(files):
    with open(os.path.join(OUT, name), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            assert r["message_id"] not in seen, r
            seen.add(r["message_id"])
            assert re.fullmatch(r"\d+", r["waba_id"]) and r["waba_id"] in BY_WABA, r
            assert r["phone_number_id"] in BY_WABA[r["waba_id"]][2], r
            assert re.fullmatch(r"\d{8,15}", r["customer_wa_id"]), r
            assert r["direction"] in ("inbound", "outbound"), r
            for col in ("timestamp", "delivered_at"):
                if r[col]:
                    assert datetime.fromisoformat(r[col].replace("Z", "+00:00")).tzinfo is not None, r
            assert bool(r["delivered_at"]) == (r["status"] in ("delivered", "read")), r
            if r["direction"] == "inbound":
                assert not r["status"] and not r["template_name"] and r["type"] != "template", r
                assert r["entry_point"] in ("", "ctwa_ad", "page_cta"), r
                assert not r["meta_pricing_category"] and not r["meta_pricing_type"], r
            else:
                assert r["status"] in ("sent", "delivered", "read", "failed") and not r["entry_point"], r
            if r["type"] == "template":
                assert (r["waba_id"], r["template_name"], r["template_language"]) in templates, r
            else:
                assert not r["template_name"] and not r["template_language"], r
            if r["meta_pricing_category"] and (r["meta_pricing_category"] not in KNOWN_CAT
                                               or r["meta_pricing_type"] not in KNOWN_TYPE):
                unknown_meta.append(r["message_id"])

# ---------------------------------------------------------------- the figures per-message.md quotes
# Written into per-message.md between the markers below (and printed): counts are generated, never typed.
fig = []
fig.append("| file | rows |")
fig.append("|---|---|")
for name, n in files.items():
    fig.append("| %s | %s |" % (name, format(n, ",")))
fig.append("| **total** | **%s** |" % format(len(messages), ","))
fig.append("")
fig.append("Service messages of phone %s (Sahyadri Travels, Asia/Kolkata) per account-local month:" % BULK_PHONE)
fig.append("")
fig.append("| account-local month | delivered service messages | free | regular | if counted by UTC month |")
fig.append("|---|---|---|---|---|")
for mo in ("2026-10", "2026-11"):
    utc = sum(1 for m in messages if m["phone_number_id"] == BULK_PHONE and m.get("pricing", ("",))[0] == "SERVICE"
              and m["delivered_at"].strftime("%Y-%m") == mo)
    n = service_count[(BULK_PHONE, mo)]
    fig.append("| %s | **%s** | %s | %s | %s |" % (mo, format(n, ","), format(min(n, FREE_SERVICE_TIER), ","),
                                                   format(max(0, n - FREE_SERVICE_TIER), ","), format(utc, ",")))
first_regular = first(lambda m: m.get("service_n") == FREE_SERVICE_TIER + 1 and m["phone_number_id"] == BULK_PHONE
                      and local_month(W3, m["delivered_at"]) == "2026-10")
fig.append("")
fig.append("The %sst service message of local October (the first `regular`) is %s, delivered %s. Every other"
           " number delivers at most %d service messages in any PMP-2026-10 month." % (
               format(FREE_SERVICE_TIER + 1, ","), first_regular["message_id"],
               first_regular["delivered_at"].strftime("%Y-%m-%dT%H:%M:%SZ"),
               max(n for (p, _), n in service_count.items() if p != BULK_PHONE)))
fig.append("")
fig.append("| bucket (portfolio, market, category, local month) | regular messages | 201st message (first of band 201-500) |")
fig.append("|---|---|---|")
for key, n in sorted(tier_count.items(), key=lambda kv: (-kv[1], kv[0])):
    if key[0] == "900000000000001" and key[3] == "2026-11":
        m201 = next((i for i, (k, pos) in tier_position.items() if k == key and pos == 201), None)
        fig.append("| %s %s %s %s | %d | %s |" % (key + (n, m201 or "(stays in band 1-200)")))
fig.append("")
fig.append("Meta's pricing columns are on %s of %s delivered business messages with a pricing record;"
           " pricing records by regime: %s." % (
               format(sum(1 for m in messages if m.get("meta_pricing_type") and "pricing" in m), ","),
               format(sum(1 for m in messages if "pricing" in m), ","),
               ", ".join("%s %s" % (k, format(v, ",")) for k, v in
                         sorted(Counter(m["regime"] for m in messages if "pricing" in m).items()))))
print("\n".join(fig))
print("covered by a CBP conversation on/after the switch:",
      [m["message_id"] for m in messages if "cbp" in m and m["regime"] != "CBP-2023"])
print("unknown Meta values:", unknown_meta)
DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "per-message.md")
BEGIN, END = "<!-- figures: generated by tools/make-per-message.py -->", "<!-- end of figures -->"
with open(DOC, encoding="utf-8") as f:
    doc = f.read()
head, rest = doc.split(BEGIN, 1)
_, tail = rest.split(END, 1)
with open(DOC, "w", encoding="utf-8", newline="\n") as f:
    f.write(head + BEGIN + "\n" + "\n".join(fig) + "\n" + END + tail)
for name, ms in sorted(CASES.items()):
    print(name + ":")
    for m in ms:
        print("  %s %s %s %s %-8s %-22s local %s -> %s %s" % (
            m["message_id"], m["waba_id"], m["customer_wa_id"], m["direction"], m["type"], m["template_name"],
            event_time(m).astimezone(ZONE[m["waba_id"]]).strftime("%Y-%m-%d %H:%M %z"),
            m.get("regime", ""), m.get("pricing") or ("CBP " + str(m["cbp"]) if "cbp" in m else "")))
for name, m in DELIBERATE.items():
    print("%s: %s %s %s %s local %s ours %s / Meta %s %s" % (
        name, m["message_id"], m["waba_id"], m["phone_number_id"], m["template_name"] or m["type"],
        (m["delivered_at"] or m["timestamp"]).astimezone(ZONE[m["waba_id"]]).strftime("%Y-%m-%d %H:%M %z"),
        m.get("pricing", "(not delivered)"), m["meta_pricing_category"], m["meta_pricing_type"]))
