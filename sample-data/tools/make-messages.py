#!/usr/bin/env python3
"""Generates sample-data/messages/*.csv, the sample message exports used by `jobs/wa-billing demo`.

Deterministic (fixed seed). Run from the repository root: python3 sample-data/tools/make-messages.py
It writes overlapping exports in different timestamp forms, Meta's columns on part of them, and a
few bad rows, as described in sample-data/messages.md.
"""
import csv
import random
from datetime import datetime, timedelta, timezone

random.seed(20230601)
UTC = timezone.utc
START = datetime(2023, 5, 25, tzinfo=UTC)
END = datetime(2023, 7, 6, tzinfo=UTC)

# (waba, phone numbers, customer calling codes, templates by category)
ACCOUNTS = [
    ("102938475610001", ["110000000000001", "110000000000002"], ["55"] * 8 + ["54", "351"],
     {"UTILITY": [("pedido_confirmado", "pt_BR"), ("pedido_enviado", "pt_BR"), ("pagamento_aprovado", "pt_BR")],
      "MARKETING": [("promo_inverno", "pt_BR"), ("carrinho_abandonado", "pt_BR"), ("novidades_semana", "pt_BR")],
      "AUTHENTICATION": [("codigo_login", "pt_BR")]}),
    ("102938475610002", ["120000000000001"], ["49", "49", "33", "33", "31", "31", "972"],
     {"UTILITY": [("bestelling_bevestigd", "nl"), ("pakket_onderweg", "nl"), ("bestellung_versendet", "de")],
      "MARKETING": [("zomerkorting", "nl"), ("sommerrabatt", "de"), ("soldes_fromages", "fr")],
      "AUTHENTICATION": [("inlogcode", "nl"), ("bestaetigungscode", "de")]}),
    ("102938475610003", ["130000000000001", "130000000000002"], ["91"] * 6 + ["971"],
     {"UTILITY": [("booking_confirmed", "en_US"), ("flight_delay", "en_US"), ("refund_processed", "en_US")],
      "MARKETING": [("monsoon_deals", "en_US"), ("cart_reminder", "en_US"), ("trip_reminder_upsell", "en_US")],
      "AUTHENTICATION": [("otp_login", "en_US"), ("new_account_password", "en_US")]}),
    ("102938475610004", ["140000000000001"], ["62"] * 5 + ["60", "60"],
     {"UTILITY": [("pesanan_dikirim", "id"), ("tagihan_jatuh_tempo", "id")],
      "MARKETING": [("promo_akhir_tahun", "id")],
      "AUTHENTICATION": [("kode_otp", "id")]}),
    ("102938475610005", ["150000000000001"], ["57"] * 4 + ["54", "56", "20"],
     {"UTILITY": [("reserva_confirmada", "es"), ("vuelo_sale", "es_CO"), ("pago_recibido", "es")],
      "MARKETING": [("oferta_temporada", "es")],
      "AUTHENTICATION": [("codigo_verificacion", "es_AR")]}),
]
FREE_FORM = ["text", "text", "text", "image", "document", "interactive", "audio", "location"]

messages = []  # dicts in one canonical form; files render timestamps differently
counter = [0]


def new_id():
    counter[0] += 1
    return "wamid.HBgN%07dSAMPLE" % counter[0]


def customer(code):
    digits = {"55": 11, "54": 10, "351": 9, "49": 10, "33": 9, "31": 9, "972": 9, "91": 10, "971": 9,
              "62": 10, "60": 9, "57": 10, "56": 9, "20": 10}[code]
    return code + "".join(str(random.randint(0, 9)) for _ in range(digits))


def add(**m):
    m["message_id"] = new_id()
    messages.append(m)
    return m


def outbound(waba, phone, cust, at, kind, template=None, status=None, delay=None):
    status = status or random.choices(["read", "delivered", "sent", "failed"], [60, 34, 3, 3])[0]
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


def story(waba, phones, cust, templates):
    """One customer's month: a mix of business-initiated, customer-initiated and referral threads."""
    phone = random.choice(phones)
    t = START + timedelta(minutes=random.randint(0, 60 * 24 * 6))
    while t < END - timedelta(hours=2):
        kind = random.choices(["utility", "marketing", "auth", "service", "ctwa", "page", "late", "outside"],
                              [26, 18, 10, 26, 6, 3, 6, 5])[0]
        if kind in ("utility", "marketing", "auth"):
            category = {"utility": "UTILITY", "marketing": "MARKETING", "auth": "AUTHENTICATION"}[kind]
            template = random.choice(templates[category])
            if random.random() < 0.03:
                template = ("retired_template_v1", template[1])  # unknown to the catalogue
            outbound(waba, phone, cust, t, None, template)
            if random.random() < 0.5:  # the customer answers and the business replies free-form
                t += timedelta(minutes=random.randint(2, 300))
                inbound(waba, phone, cust, t)
                for _ in range(random.randint(1, 3)):
                    t += timedelta(minutes=random.randint(1, 30))
                    outbound(waba, phone, cust, t, random.choice(FREE_FORM))
        elif kind == "service":
            inbound(waba, phone, cust, t)
            for _ in range(random.randint(1, 4)):
                t += timedelta(minutes=random.randint(1, 90))
                if random.random() < 0.3:
                    inbound(waba, phone, cust, t)
                    t += timedelta(minutes=random.randint(1, 10))
                outbound(waba, phone, cust, t, random.choice(FREE_FORM))
        elif kind in ("ctwa", "page"):
            inbound(waba, phone, cust, t, "ctwa_ad" if kind == "ctwa" else "page_cta")
            t += timedelta(minutes=random.randint(1, 600))
            outbound(waba, phone, cust, t, "text", status="read")
            for _ in range(random.randint(1, 4)):  # the free entry point covers everything for 72 h
                t += timedelta(hours=random.randint(2, 30))
                if random.random() < 0.4:
                    outbound(waba, phone, cust, t, None, random.choice(templates["MARKETING"]))
                else:
                    inbound(waba, phone, cust, t)
                    t += timedelta(minutes=5)
                    outbound(waba, phone, cust, t, "text")
        elif kind == "late":  # sent at night, delivered hours later when the phone came online
            outbound(waba, phone, cust, t, None, random.choice(templates["UTILITY"]), status="delivered",
                     delay=timedelta(hours=random.randint(3, 20)))
        else:  # a free-form message with no customer message in the 24 h before: an anomaly
            outbound(waba, phone, cust, t, "text", status="delivered")
        t += timedelta(hours=random.randint(20, 130), minutes=random.randint(0, 59))


for waba, phones, codes, templates in ACCOUNTS:
    for code in codes:
        for _ in range(3):
            story(waba, phones, customer(code), templates)

# Meta's view for late June (phone-number scope): per category 24 h windows, free entry points 72 h.
# A few ids are then split or merged, and one category is reported differently, to give the
# reconciliation report something to find.
def meta_view():
    events = sorted((m for m in messages if m["direction"] == "inbound" or m["delivered_at"]),
                    key=lambda m: ((m["waba_id"], m["phone_number_id"], m["customer_wa_id"]),
                                   m["timestamp"] if m["direction"] == "inbound" else m["delivered_at"],
                                   m["direction"] != "inbound", m["message_id"]))
    state = {}
    category_of = {}
    for _, _, _, templates in ACCOUNTS:
        for category, names in templates.items():
            for name in names:
                category_of[name[0]] = category
    for m in events:
        key = (m["waba_id"], m["phone_number_id"], m["customer_wa_id"])
        s = state.setdefault(key, {"open": {}, "fep": None, "referral": None})
        if m["direction"] == "inbound":
            if m["entry_point"]:
                s["referral"] = m["timestamp"] + timedelta(hours=24)
            continue
        t = m["delivered_at"]
        if s["fep"] and t < s["fep"][1]:
            m["meta"] = s["fep"][0]
            s["referral"] = None
            continue
        if s["referral"] and t < s["referral"]:
            s["fep"] = (("mc." + m["message_id"][9:], "referral_conversion"), t + timedelta(hours=72))
            s["open"], s["referral"] = {}, None
            m["meta"] = s["fep"][0]
            continue
        s["referral"] = None
        if m["type"] == "template":
            c = category_of.get(m["template_name"], "MARKETING")
            o = s["open"].get(c)
            if not o or t >= o[1]:
                o = (("mc." + m["message_id"][9:], c.lower()), t + timedelta(hours=24))
                s["open"][c] = o
            m["meta"] = o[0]
        else:
            live = [o for o in s["open"].values() if t < o[1]]
            if live:
                m["meta"] = max(live, key=lambda o: o[1])[0]
            else:
                o = (("mc." + m["message_id"][9:], "service"), t + timedelta(hours=24))
                s["open"]["SERVICE"] = o
                m["meta"] = o[0]


meta_view()
# only the second June export carries Meta's columns, so they start after its overlap with the first
june = [m for m in messages if m.get("meta") and datetime(2023, 6, 16, tzinfo=UTC) <= m["timestamp"]
        and m["delivered_at"] < datetime(2023, 7, 1, tzinfo=UTC)]
for m in june:
    m["meta_conversation_id"], m["meta_category"] = m["meta"]
multi = [m for m in june if sum(1 for x in june if x["meta_conversation_id"] == m["meta_conversation_id"]) > 1]
if multi:
    multi[0]["meta_conversation_id"] += "-b"          # Meta counted one of ours as two: merged on our side
if len(multi) > 5:
    multi[5]["meta_category"] = "marketing" if multi[5]["meta_category"] != "marketing" else "utility"

messages.sort(key=lambda m: (m["timestamp"], m["message_id"]))


def iso_z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ") if t else ""


def iso_offset(t, hours):
    return t.astimezone(timezone(timedelta(hours=hours))).isoformat() if t else ""


def epoch_s(t):
    return str(int(t.timestamp())) if t else ""


def epoch_ms(t):
    return str(int(t.timestamp() * 1000)) if t else ""


COLUMNS = ["message_id", "waba_id", "phone_number_id", "customer_wa_id", "direction", "type", "template_name",
           "template_language", "timestamp", "status", "delivered_at", "entry_point"]


def write(name, rows, fmt, meta=False, plus=False, bad_rows=()):
    columns = COLUMNS + (["meta_conversation_id", "meta_category"] if meta else [])
    if name.endswith("b.csv"):
        columns = list(reversed(columns))  # columns are matched by name, in any order
    with open("sample-data/messages/" + name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for m in rows:
            r = dict(m)
            r["timestamp"], r["delivered_at"] = fmt(m["timestamp"]), fmt(m["delivered_at"])
            if plus:
                r["customer_wa_id"] = "+" + m["customer_wa_id"]
            w.writerow([r.get(c, "") for c in columns])
        for bad in bad_rows:
            w.writerow([bad.get(c, "") for c in columns])


def between(a, b):
    return [m for m in messages if a <= m["timestamp"] < b]


may = between(START, datetime(2023, 6, 1, 6, tzinfo=UTC))            # overlaps June by 6 hours
june_a = between(datetime(2023, 6, 1, tzinfo=UTC), datetime(2023, 6, 16, tzinfo=UTC))
june_b = between(datetime(2023, 6, 15, tzinfo=UTC), datetime(2023, 7, 1, tzinfo=UTC))  # overlaps june_a
july = between(datetime(2023, 7, 1, tzinfo=UTC), END)

sample = june_b[0]
bad = [
    dict(sample, message_id="wamid.BAD0001", timestamp="2023-06-20T10:00:00", delivered_at=""),  # no zone
    dict(sample, message_id="wamid.BAD0002", customer_wa_id="12345", timestamp="1687255200"),       # too short
    dict(sample, message_id=sample["message_id"], customer_wa_id=sample["customer_wa_id"],
         timestamp=iso_z(sample["timestamp"] + timedelta(minutes=1)),
         delivered_at=iso_z(sample["delivered_at"]) if sample["delivered_at"] else ""),  # conflicting duplicate
    dict(sample, message_id="wamid.BAD0003", direction="sideways", timestamp="1687255200"),
]
write("export-2023-05.csv", may, iso_z)
write("export-2023-06a.csv", june_a, lambda t: iso_offset(t, -3) if t else "", plus=True)
write("export-2023-06b.csv", june_b, epoch_s, meta=True, bad_rows=bad)
write("export-2023-07.csv", july, epoch_ms)
print(len(messages), "messages;", len(may), len(june_a), len(june_b), len(july), "per file")
