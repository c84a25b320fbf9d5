#!/usr/bin/env python3
"""Writes the import fixtures: files shaped like each CRM's documented exports (see
docs/IMPORT.md), including ugly ones. Run from anywhere; the files land beside this
script. The tests read the files, not this script: rerun it only to change them.

The team they name (Tests/HandoffImportTests/Team.swift): maria (marketing, "María
García", maria@example.com), sam (sales, "Sam Okafor", sam@example.com), lee (sales,
"Lee Chen"), jo (marketing, "Jo Park", has left).
"""
import os

here = os.path.dirname(os.path.abspath(__file__))


def write(name, text, encoding="utf-8", bom=b"", newline="\n"):
    data = text.replace("\n", newline).encode(encoding)
    with open(os.path.join(here, name), "wb") as f:
        f.write(bom + data)


def csv_line(cells, sep=",", quote_all=False):
    out = []
    for c in cells:
        if quote_all or any(ch in c for ch in (sep, '"', "\n", "\r")):
            out.append('"' + c.replace('"', '""') + '"')
        else:
            out.append(c)
    return sep.join(out)


# HubSpot contacts export: UTF-8 with BOM, CRLF, the columns its exports label (Record
# ID first), datetimes as "YYYY-MM-DD HH:MM" in the account's zone.
hubspot = [
    ["Record ID", "First Name", "Last Name", "Email", "Company Name", "Lifecycle Stage",
     "Lead Status", "Contact owner", "Create Date", "Original Source", "HubSpot Score",
     "Phone Number"],
    ["101", "Ada", "Andersen", "ada@andersen.example", "Andersen & Co", "Lead", "New",
     "María García", "2024-03-05 14:22", "Organic Search", "35", "+1 555 0100"],
    ["102", "Ben", "Brooks", "BEN@brooks.example", "Brooks, Inc.", "Marketing Qualified Lead",
     "Open", "maria@example.com", "2024-03-06 09:05", "Paid Search", "62", ""],
    ["103", "Carla", "Costa", "carla@costa.example", "Costa \"Big\" Foods", "Sales Qualified Lead",
     "In Progress", "Sam Okafor", "2024-02-28 17:40", "Referrals", "120", ""],
    ["104", "Dmitri", "Dubois", "dmitri@dubois.example", "Dubois\nHoldings", "Customer", "",
     "sam@example.com", "2023-11-02 08:00", "Offline Sources", "88", ""],
    ["105", "Eva", "Eriksen", "eva@eriksen.example", "Eriksen AB", "Lead", "Unqualified", "",
     "2024-01-15 12:00", "Organic Social", "5", ""],
    ["106", "Farid", "Fontaine", "farid@fontaine.example", "Fontaine", "Other", "", "",
     "2024-03-01 10:00", "Direct Traffic", "", ""],
    ["107", "Greta", "Gupta", "greta@gupta.example", "Gupta GmbH", "Lead", "", "Pat Unknown",
     "2024-03-02 11:11", "Email Marketing", "40", ""],
    # The same person as 102, exported again with another case and a newer score.
    ["108", "Ben", "Brooks", " ben@Brooks.example ", "Brooks, Inc.", "Marketing Qualified Lead",
     "Bad Timing", "maria@example.com", "2024-03-07 09:05", "Paid Search", "70", ""],
    ["109", "Hiro", "Hoffmann", "hiro hoffmann@example.com", "Hoffmann", "Lead", "", "", "2024-03-03 10:00",
     "Organic Search", "", ""],
]
write("hubspot-contacts.csv",
      "\n".join(csv_line(r) for r in hubspot) + "\n\n\n", bom=b"\xef\xbb\xbf", newline="\r\n")

# Salesforce report ("Export Details", CSV): every value quoted, LF inside values, the
# user's locale for dates (en_US: M/D/YYYY h:mm AM), and the footer reports end with.
salesforce_report = [
    ["Lead ID", "First Name", "Last Name", "Title", "Company / Account", "Email", "Lead Source",
     "Lead Status", "Lead Owner", "Rating", "Annual Revenue", "Create Date"],
    ["00Q5g00000A1", "Ines", "Ivanova", "CTO", "Ivanova Ltd", "ines@ivanova.example", "Web",
     "Open - Not Contacted", "María García", "Hot", "$12,000.00", "3/5/2024 2:22 PM"],
    ["00Q5g00000A2", "Jonas", "Jensen", "VP", "Jensen ApS", "jonas@jensen.example",
     "Partner Referral", "Working - Contacted", "Maria Garcia", "Warm", "$1,500,000.00",
     "2/29/2024 9:00 AM"],
    ["00Q5g00000A3", "Kara", "Kowalski", "", "Kowalski SA", "kara@kowalski.example",
     "Trade Show", "Closed - Converted", "Lee Chen", "Cold", "", "1/13/2024 12:30 PM"],
    ["00Q5g00000A4", "Leo", "Lindqvist", "", "Lindqvist AB", "leo@lindqvist.example",
     "Purchased List", "Closed - Not Converted", "", "", "", "12/1/2023 8:15 AM"],
    ["00Q5g00000A5", "Mina", "Moreau", "", "Moreau SARL", "mina@moreau.example", "Phone Inquiry",
     "Open - Not Contacted", "Jo Park", "", "", "3/4/2024 4:45 PM"],
]
footer = ['""', '"Confidential Information - Do Not Distribute"',
          '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."']
write("salesforce-report.csv",
      "\n".join(csv_line(r, quote_all=True) for r in salesforce_report) + "\n" + "\n".join(footer)
      + "\n")

# Salesforce Data Loader export: API names, 18-character ids, ISO 8601 UTC dates.
salesforce_api = [
    ["Id", "FirstName", "LastName", "Company", "Email", "LeadSource", "Status", "OwnerId",
     "Rating", "CreatedDate", "CurrencyIsoCode"],
    ["00Q5g00000B1xyzAAA", "Nils", "Nakamura", "Nakamura KK", "nils@nakamura.example", "Web",
     "Working - Contacted", "0055g00000SAMAAA", "Warm", "2024-03-05T14:22:00.000Z", "USD"],
    ["00Q5g00000B2xyzAAA", "Olga", "Oliveira", "Oliveira Lda", "olga@oliveira.example",
     "Advertisement", "Open - Not Contacted", "0055g00000MARAAA", "", "2024-03-06T08:00:00.000+0000",
     "USD"],
]
write("salesforce-dataloader.csv",
      "\n".join(csv_line(r, quote_all=True) for r in salesforce_api) + "\n")

# Pipedrive leads export: "Entity - Field" headers, several e-mails in one cell, labels.
pipedrive = [
    ["Lead - Title", "Lead - Owner", "Lead - Value", "Lead - Currency", "Lead - Source",
     "Lead - Labels", "Person - Name", "Person - Email", "Organization - Name", "Lead - Created"],
    ["Park deal", "Sam Okafor", "4500", "USD", "Web forms", "Hot", "Pablo Park",
     "pablo@park.example, pablo.home@example.org", "Park Bakery", "2024-03-05 14:22:07"],
    ["Quist lead", "Lee Chen", "12000.50", "USD", "Prospector", "Cold, Important", "Quinn Quist",
     "quinn@quist.example", "Quist AB", "2024-03-01 09:00:00"],
    ["Reyes", "", "", "", "Import", "", "", "rosa@reyes.example", "Reyes SL", "2024-02-20 10:00:00"],
]
write("pipedrive-leads.csv", "\n".join(csv_line(r) for r in pipedrive) + "\n")

# Excel on a German Windows: Windows-1252, semicolons, decimal comma, day-first dates
# with dots, CRLF, and Excel's "sep=;" hint line.
excel = [
    ["Name", "Firma", "E-Mail", "Quelle", "Wert", "Stage", "Owner", "Created"],
    ["José Müller", "Müller & Söhne", "jose@mueller.example", "Messe", "12.000,00 €", "new",
     "María García", "05.03.2024 14:22"],
    ["Zoë Weber", "Weber – Café", "zoe@weber.example", "seo", "980,50 €", "mql", "maria",
     "13.02.2024 09:00"],
    ["Łukasz Nowak", "Nowak", "lukasz@nowak.example", "ads", "1.500 €", "nurturing", "",
     "01.03.2024 08:30"],
]
text = "sep=;\n" + "\n".join(";".join(r) for r in excel) + "\n"
# Ł is not in Windows-1252: that row goes in as "Lukasz".
write("excel-1252-semicolon.csv", text.replace("Ł", "L"), encoding="cp1252", newline="\r\n")

# The same sheet with a UTF-8 mark glued to Windows-1252 bytes.
write("excel-1252-with-bom.csv", "\n".join(";".join(r) for r in excel[:3]).replace("Ł", "L") + "\n",
      encoding="cp1252", bom=b"\xef\xbb\xbf", newline="\r\n")

# Excel's "Unicode text": UTF-16 LE with a mark, tab-separated.
unicode_text = [
    ["name", "company", "email", "source", "value", "stage", "created"],
    ["Wen Xu", "Xu 有限公司", "wen@xu.example", "event", "2500", "new", "2024-03-05"],
    ["Yusuf Yilmaz", "Yılmaz A.Ş.", "yusuf@yilmaz.example", "webinar", "7300", "mql", "2024-03-04"],
]
write("excel-unicode-text.txt", "\n".join("\t".join(r) for r in unicode_text) + "\n",
      encoding="utf-16-le", bom=b"\xff\xfe", newline="\r\n")

# A spreadsheet with everything wrong a hand-kept sheet has: ragged rows, a quoted value
# over three lines, doubled quotes, a row with an escape sequence in a name, a bad
# e-mail, a bad date, a bad amount, a row with neither name nor e-mail, duplicates, and
# blank lines at the end. Old Mac line ends (CR alone).
ugly = [
    "name,company,email,value,stage,created",
    "Anna Andersen,\"Andersen \"\"AA\"\" Ltd\",anna@aa.example,\"12,000\",new,2024-03-01",
    "Bo Berg,\"Berg\nBerg\nand Berg\",bo@berg.example,500,new,2024-03-02",
    "Cy Cole,Cole,cy@cole.example,100,new",
    "Dee Dunn,Dunn,dee@dunn.example,100,new,2024-03-04,extra",
    "Evil \x1b]0;pwned\x07Name,Evil Co,evil@evil.example,1,new,2024-03-05",
    "Fay Fox,Fox,fay@,1,new,2024-03-06",
    "Gil Gray,Gray,gil@gray.example,1,new,2024-13-45",
    "Hal Hill,Hill,hal@hill.example,twelve,new,2024-03-08",
    ",Nameless Co,,1,new,2024-03-09",
    "Anna Andersen,Andersen AA Ltd,ANNA@aa.example,13000,mql,2024-03-10",
    "Ivy Ivers,Ivers,ivy@ivers.example,1,sideways,2024-03-11",
    "",
    ",,,,,",
    "",
]
write("ugly.csv", "\r".join(ugly))
