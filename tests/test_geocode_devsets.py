"""The development sets of issue 25's later rounds still read as they did (benchmarks/devsets).

They were written by helpers who never saw the geocoder's rules, and the round's rules were
written from their misses: a floor here guards those shapes against a later change; it is
not a measure of accuracy (``benchmarks/geocode_accuracy.py`` is).
"""

from __future__ import annotations

import os

import pytest

from tests.benchmark_modules import load_benchmark

devsets = load_benchmark("geocode_devsets.py", "geocode_devsets_bench")

# (set, within 5 km at least, %): a point or so under what the round left them at
FLOORS = {
    "news_en": 94.5,
    "news_ar": 98.5,
    "ngo_en": 97.0,
    "table_columns": 95.5,
    "report_phrases": 97.5,
    # the twelfth round's (first scores 95.2, 95.0, 98.2, 79.5)
    "incident_db_ar": 97.0,
    "incident_db_en": 96.0,
    "casualty_reports_en": 98.0,
    "local_media_ar": 96.5,
    # (first 90.7, 93.7, 72.8)
    "bare_names_ar": 91.0,
    "wire_news_en": 95.0,
    "kurdish_turkish_en": 87.5,
    # (first 91.8, 89.8)
    "field_notes_en": 93.0,
    "local_posts_ar": 91.0,
    # the twenty-third round's, incident-database cells with their governorate (first 87.5,
    # 92.5)
    "incident_cells_ar": 90.5,
    "incident_cells_en": 93.0,
    # ... places inside cities, and namesakes told apart by their context (first 96.8, 94.5)
    "city_quarters": 96.5,
    "namesakes_ar_en": 95.0,
    # the twenty-fourth round's, villages spelled by writers who saw only the other script's
    # name (first 90.8 and 92.2)
    "translit_en": 89.5,
    "translit_ar": 91.0,
    # ... features of towns (a school, a bakery, a camp, a water station; first 82.8) and a
    # PDF table's cells (footnote marks, page fragments, columns run together; first 73.0)
    "features_in_towns": 88.0,
    "pdf_cells": 93.0,
    # ... and one typing slip per cell (first 75.0; 82.0 once a slip is also sought among
    # the whole country's names where no governorate is given)
    "typos_cells": 80.0,
    # the twenty-fifth round's: places described with another for orientation (first 94.5),
    # the map's sites as reports write them (first 71.8), cells in both scripts (first 89.8)
    # and bare names with their document's heading as context (first 96.5)
    "relative_places": 95.0,
    "sites_en_ar": 86.0,
    "bilingual_cells": 96.0,
    "context_cells": 96.5,
    # the twenty-sixth round's: a clerk's Arabic location column (abbreviations, lists from
    # the governorate down; first 94.2) and strike logs and event databases in English
    # (compass letters, "Vic.", "Syria / ..." lists; first 86.5, 1.8 % confidently wrong)
    "clerk_columns_ar": 97.5,
    "strike_logs_en": 95.5,
    # ... and humanitarian reports' place phrases (units as "SD", P-codes in the text,
    # sentences about aid and access; first 88.2) and social-media posts in both scripts
    # (hashtags, pictographs, datelines; first 93.0, 0.5 % confidently wrong)
    "humanitarian_en": 98.0,
    "social_posts_mixed": 95.0,
    # the twenty-seventh round's: war monitors' fronts, axes and lists in both scripts
    # (first 86.8) and places by the regions people name (first 89.0)
    "monitors_fronts": 96.0,
    "regions_en_ar": 92.5,
    # ... and Arabic as PDF-to-text extraction gives it (letters or words in drawing order,
    # words broken or glued, presentation forms, kashidas; first 58.5, 2.5 % confidently
    # wrong)
    "pdf_extract_ar": 89.0,
    # the twenty-eighth round's: north-east Syria in Arabic script as Kurdish, Syriac and
    # local outlets write it (first 82.5, 0.2 % confidently wrong) and places in the prose
    # of UN and human-rights documents (first 95.2)
    "kurdish_names_ar": 89.0,
    "un_rights_en": 97.5,
    # ... and Syria's historic sites as heritage reports write them (first 73.3, 1.0 %
    # confidently wrong) and civilian-harm monitors' geolocation notes (first 94.7, 0.3 %)
    "heritage_sites": 78.0,
    "airwars_geoloc_en": 96.0,
    # the twenty-ninth round's: the map's landmarks as other English writers spell them and
    # with other words of their kind (first 76.6 %, 0.6 % confidently wrong), and in Arabic,
    # where the map has no Arabic names (first 57.8 %, 0.8 %)
    "landmarks_en": 86.0,
    "landmarks_ar": 80.0,
    # the thirtieth round's: incident databases' location fields in both scripts, chains
    # from the governorate down (first 87.5 %, 6.0 % confidently wrong)
    "bilingual_locations": 98.5,
    # the thirty-first round's: the governorate column holds the document's governorate, not
    # the place's (62.0 % with the round's starting code, 81.8 % when the set arrived)
    "document_governorates": 88.0,
    # the thirty-second round's: the map's sites in Arabic as media and databases name them,
    # and in other English words (74.0 % with the round's starting code; 76.7 % with the
    # round's first rules, written before the set arrived)
    "sites_in_arabic": 78.5,
    # ... and small places in their writers' spellings, anchored to a town or a unit (91.7 %
    # when it arrived)
    "small_places": 92.5,
    # the thirty-third round's: places drawn as often as writers name them (weighted by the
    # square root of their people), bare, with kind and governorate, and in news sentences
    # (89.0 % when it arrived)
    "weighted_places": 90.0,
    # ... and news sentences in both scripts, one community each, by another hand (86.3 %
    # when it arrived)
    "news_sentences": 87.5,
    # the thirty-fourth round's: an incident database's Arabic location cells (clerk
    # spellings, chains, kind words, quarters, buildings in a town) and English ones (97.0 %
    # when it arrived), and English village news by another hand, feature stories among them
    # (85.3 % when it arrived)
    "db_cells_ar": 97.5,
    "village_news_en": 91.5,
    # ... and an event database's English notes and location fields by a third hand: dates
    # first, closing sentences of the dead (88.3 % when it arrived)
    "event_notes_en": 94.5,
    # ... and Arabic reports on one village each (field reports, monitors, feature stories,
    # humanitarian updates, Telegram posts, local news) by a fourth hand (80.0 % when it
    # arrived)
    "village_reports_ar": 86.0,
    # the thirty-fifth round's, by two more hands: victims' records of documentation
    # databases (a name, an age, "من أبناء بلدة X", how they died; cells with the victim's
    # fields; 84.0 % when it arrived), and witnesses' testimonies in English and Arabic
    # ("I grew up in X", "نحنا من X", "<name>, 37, a teacher from X"; 71.3 % when it arrived)
    "victims_records": 92.5,
    "testimonies": 90.5,
    # ... and two more: arrests and raids in reports, detainee databases and local news
    # (94.7 % when it arrived), and videos' upload titles, archive location fields and
    # captions (95.0 % when it arrived)
    "arrests_detention": 96.5,
    "video_titles": 96.5,
    # ... and two more: rescue teams', civil defence and local councils' posts and summaries
    # (84.7 % when it arrived), and eastern Syria's local news with tribes and clans (78.7 %)
    "civil_defence_posts": 93.5,
    "eastern_news": 87.5,
    # ... and Arabic humanitarian documents (situation reports, cluster tables, displacement
    # tracking, project reports, assessments; 83.7 % when it arrived) and state media in both
    # languages ("Hama northern countryside"; 91.3 %)
    "humanitarian_ar": 95.0,
    "state_media": 92.5,
    "market_monitoring": 96.0,
    "facility_lists": 95.0,
    "encyclopedia_leads": 91.0,
    "military_statements": 92.0,
    "earthquake_2023": 95.0,
    "db_location_fields": 97.0,
    "court_documents": 93.0,
    "refugee_intake": 91.5,
    "mine_action": 92.0,
    "disaster_news": 93.0,
    # the thirty-seventh round's: official texts (85.7 % when it arrived, 6.3 % confidently
    # wrong), crime news (89.7 %), property records (82.7 %), academic papers' sites (94.7 %),
    # agriculture reports (92.0 %) and the diaspora's personal histories (66.0 %)
    "official_decrees": 91.5,
    "crime_reports": 93.0,
    "property_records": 95.0,
    "academic_studies": 95.0,
    "agriculture_reports": 94.0,
    "diaspora_memoirs": 82.0,
    # ... and four more: weather bulletins (71.0 % when it arrived, 1.0 % confidently wrong),
    # sports and culture (87.7 %), death notices (84.3 %) and job advertisements (82.7 %)
    "weather_bulletins": 89.5,
    "sports_culture": 91.0,
    "obituary_notices": 86.0,
    "vacancy_postings": 91.0,
    # the thirty-eighth round's, news outside the war (when they arrived: 90.0, 83.0, 87.7,
    # 84.0, 93.3, 90.7, 85.7 and 74.3 %)
    "health_bulletins": 94.0,
    "education_news": 89.5,
    "religious_community": 91.0,
    "service_outages": 85.5,
    "traffic_accidents": 92.5,
    "telegram_alerts": 91.0,
    "environment_reports": 89.5,
    "travel_writing": 82.5,
    # ... and eight more (when they arrived: 70.7, 86.7, 95.7, 96.7, 89.0, 80.0, 88.3 and
    # 78.0 %)
    "protests_2011": 88.5,
    "civil_registry": 91.5,
    "damage_assessments": 94.5,
    "tenders_contracts": 95.5,
    "election_candidates": 92.0,
    "history_writing": 84.5,
    "missing_persons": 91.0,
    "checkpoints_crossings": 90.0,
    # the thirty-ninth round's, documents of everyday life, speech and French (when they
    # arrived: 78.3, 64.7, 88.7, 64.0, 81.0, 71.3, 57.0 and 62.7 %)
    "census_statistics": 87.0,
    "business_addresses": 97.5,
    "real_estate_ads": 90.0,
    "food_crafts": 68.0,
    "tribes_genealogy": 80.0,
    "literary_prose": 70.0,
    "dialect_voice_notes": 77.5,
    "french_news": 88.0,
    # ... and eight more (when they arrived: 31.7, 23.7, 90.3, 90.0, 88.7, 75.7, 77.7 and
    # 89.7 %)
    "turkish_news": 85.5,
    "kurdish_latin_news": 72.0,
    "camps_idp_sites": 95.5,
    "militant_claims": 89.0,
    "aid_convoys": 87.5,
    "imagery_analysis": 92.5,
    "broadcast_monitoring": 88.0,
    "machine_translated_en": 89.5,
    # the fortieth round's: German, interviews, timelines, Russian official English, lost and
    # found, early warnings, asylum decisions, Arabic geography (when they arrived: 67.7,
    # 71.7, 69.7, 89.0, 84.0, 76.0, 88.0 and 94.0 %)
    "german_news": 88.0,
    "interview_transcripts_en": 77.0,
    "timeline_chronology": 88.0,
    "russian_reconciliation_en": 88.0,
    "lost_found_ar": 84.0,
    "sms_early_warning": 86.5,
    "asylum_decisions_en": 87.0,
    "geography_textbook_ar": 93.0,
    # the forty-first round's: a monitor's English dailies, a documentation group's Arabic
    # dailies, early victims' databases, photo captions, places inside events' names,
    # investigations, Spanish and Italian news, local councils (when they arrived: 89.7, 88.0,
    # 79.0, 89.0, 67.3, 89.0, 72.3 and 81.0 %)
    "sohr_daily_en": 90.0,
    "snhr_daily_ar": 88.5,
    "vdc_records": 84.5,
    "photo_captions": 92.5,
    "event_names": 82.5,
    "opcw_investigations": 89.0,
    "spanish_italian_news": 87.5,  # (73.0 before the forty-second round's reader)
    "local_councils": 91.0,
    # ... and its second eight (when they arrived: 85.0, 87.7, 83.3, 93.0, 94.0, 83.3, 84.3,
    # 69.3 %)
    "north_press_en": 87.0,
    "enab_direct_en": 87.5,
    "local_news_ar": 84.5,
    "incident_strings_ar": 93.0,
    "incident_strings_en": 93.5,
    "airwars_summaries_en": 82.5,
    "health_attacks_en": 83.5,
    "hrw_amnesty_ar": 84.0,
    # the forty-second round's: a monitor's Arabic dailies, UN flash updates, reports'
    # footnotes, mass graves, north-east Syria's administrative words, fact-checks, map
    # labels, local sources as logged (when they arrived: 90.3, 85.0, 83.3, 92.7, 72.7, 80.7,
    # 61.3, 81.7 %)
    "sohr_daily_ar": 89.5,
    "ocha_flash_en": 89.0,
    "report_footnotes_en": 89.0,
    "mass_graves": 91.5,
    "aanes_admin_terms": 75.0,
    "fact_checks": 85.5,
    "map_labels": 81.0,
    "sources_quoted_ar": 88.0,
    # the forty-third round's: displacement tracking, fire's launch sites and impacts, roads,
    # medical referrals, water stations, investigators' posts, Arabic fronts, returns (when
    # they arrived: 79.3, 75.3, 68.7, 84.7, 85.0, 72.0, 85.3, 82.0 %)
    "movement_tracking": 84.5,
    "fired_from_to": 88.0,
    "roads_between": 80.5,
    "hospital_referrals": 86.5,
    "water_stations": 84.0,
    "osint_threads_en": 76.5,
    "fronts_axes_ar": 84.5,
    "returnee_reports": 83.0,
    # the forty-fourth round's: assassinations, Israeli strikes, desert attacks, clan clashes,
    # smuggling, wildfires, kidnappings, detainees' release lists (when they arrived: 90.7,
    # 89.7, 90.3, 80.7, 82.0, 90.0, 85.7, 85.0 %)
    "assassinations_south": 91.5,
    "israeli_strikes": 88.5,
    "isis_badia_attacks": 89.0,
    "tribal_clashes_east": 83.5,
    "smuggling_borders": 83.5,
    "wildfires_forests": 90.0,
    "kidnapping_reports": 91.5,
    "prisoner_release_lists": 90.5,
    # the forty-fifth round's: Turkish drone strikes, car bombs, bread, outbreaks, journalists,
    # antiquities, bus lines, trials in Europe (when they arrived: 91.7, 90.0, 88.0, 85.0,
    # 91.3, 85.0, 77.7, 87.3 %)
    "turkish_drone_strikes": 90.0,
    "car_bombs_north": 89.0,
    "bakeries_bread": 87.5,
    "disease_outbreaks": 87.5,
    "journalist_safety": 89.0,
    "antiquities_looting": 86.0,
    "bus_routes_transport": 82.5,
    "universal_jurisdiction_trials": 86.5,
    # the forty-sixth round's: captagon, children's grave violations, reconstruction, feuds,
    # fuel and gas, conscription raids, violations in the north, women's services (when they
    # arrived: 91.3, 93.0, 90.7, 91.7, 90.3, 87.0, 86.7, 92.3 %)
    "captagon_seizures": 90.0,
    "child_recruitment_caac": 93.0,
    "reconstruction_projects": 89.5,
    "feuds_gunfire": 92.0,
    "fuel_gas_distribution": 89.0,
    "conscription_raids": 86.5,
    "afrin_violations": 86.5,
    "women_protection_services": 91.0,
    # the forty-seventh round's: protests, security campaigns, arrivals from Lebanon,
    # incursions, roads and bridges, water trucking, sniper fire, harvests (when they arrived:
    # 87.3, 89.0, 57.0, 85.0, 88.3, 91.7, 91.3, 91.3 %)
    "sweida_protests": 86.0,
    "security_campaigns_2025": 87.5,
    "lebanon_displacement_2024": 87.0,
    "quneitra_incursions": 83.5,
    "roads_bridges_damage": 87.0,
    "water_trucking": 90.0,
    "sniper_shootings": 90.0,
    "crop_pests_harvest": 90.0,
    # the forty-eighth round's, kept as they arrived: places of worship, electricity, camp
    # fires and floods, local courts, festivals, livestock, unexploded ordnance, municipal
    # services (87.3, 89.3, 89.0, 88.0, 79.3, 89.3, 90.0, 83.3 %; after the forty-ninth
    # round's rules, written partly from them: 87.3, 91.3, 89.0, 88.3, 84.0, 90.7, 90.0, 84.7)
    "mosques_churches_damage": 86.0,
    "electricity_lines": 89.5,
    "idp_camp_fires_floods": 87.5,
    "court_rulings_local": 86.5,
    "cultural_festivals": 82.5,
    "livestock_disease_vets": 89.0,
    "unexploded_ordnance_kids": 88.5,
    "municipal_services_waste": 83.0,
    # the forty-ninth round's (when they arrived: 92.3, 82.7, 87.7, 91.7, 86.0, 88.7, 82.7,
    # 89.3 %; after its rules, written partly from them: 92.3, 85.3, 88.7, 92.0, 86.3, 89.0,
    # 83.3, 89.7 %): barrel bombs, sieges, the north-western front, drone strikes,
    # defections, building collapses, tribal reconciliations, local authorities' decisions
    "barrel_bombs_history": 90.5,
    "sieges_starvation": 83.5,
    "idlib_artillery_front": 87.0,
    "coalition_drone_strikes": 90.5,
    "defections_2012": 84.5,
    "building_collapses_gas": 87.5,
    "tribal_reconciliation_sulh": 81.5,
    "salvation_govt_decisions": 88.0,
    # the fiftieth round's (when they arrived: 85.7, 89.3, 88.3, 87.7, 88.0, 90.7, 91.7,
    # 82.0 %; the last 86.7 % after the rule written from its misses): executions of
    # 2014-2017, shelling of city quarters, funerals, deaths in detention (by home town),
    # Russian strikes, celebratory gunfire, arrests in the north-west, returns after 2024
    "isis_executions_2014": 84.0,
    "aleppo_quarters_shelling_2013": 87.5,
    "funerals_mourning": 86.5,
    "detainee_deaths_origin": 86.0,
    "russian_airstrikes_2015": 86.5,
    "celebratory_gunfire_weddings": 89.0,
    "hts_arrests_idlib": 90.0,
    "returns_after_2024": 85.0,
    # the fifty-first round's (when they arrived: 84.7, 84.7, 82.0, 77.3, 85.3, 87.3, 87.3,
    # 89.3 %; after the two rules written from its misses: 84.7, 84.7, 83.7, 81.7, 85.3, 87.3,
    # 87.3, 89.3 %): olive presses, floods and dams, medicines, checkpoint fees, hunting,
    # teachers, rationed bread, beekeeping
    "olive_presses_season": 83.0,
    "river_floods_dams": 83.0,
    "pharmacy_medicine_shortage": 82.0,
    "checkpoint_royalties": 80.0,
    "hunting_wildlife": 83.5,
    "teachers_strikes_salaries": 85.5,
    "smart_card_bread": 85.5,
    "beekeeping_honey": 87.5,
    # the fifty-second round's (when they arrived: 86.7, 92.0, 85.7, 89.0, 87.0, 89.3, 88.3,
    # 87.0 %; after the rules written from its misses: 89.0, 93.3, 86.7, 90.7, 88.7, 89.3,
    # 89.0, 87.3 %): land auctions, vaccination, livestock markets, quarries and kilns, house
    # demolitions, solar power, Ramadan charity, wells and drought
    "land_auctions_seizures": 87.5,
    "vaccination_campaigns": 92.0,
    "livestock_markets_prices": 85.0,
    "quarries_brick_kilns": 89.0,
    "house_demolitions": 87.0,
    "solar_energy": 88.0,
    "ramadan_charity": 87.5,
    "wells_drought": 86.0,
    # the fifty-third round's (when they arrived: 88.0, 84.0, 89.3, 85.7, 77.7, 87.3, 84.7,
    # 89.0 %; after the rules written from its misses: 88.7, 85.3, 89.7, 86.0, 79.3, 87.7,
    # 86.7, 91.3 %): generators, school exams, telecoms, cemeteries, fishing, tobacco, bites
    # and stings, women's cooperatives
    "generators_ampere": 87.0,
    "school_exams": 84.0,
    "telecom_internet": 88.0,
    "cemeteries_burials": 84.5,
    "fishing_rivers_lakes": 78.0,
    "tobacco_farms": 86.0,
    "bites_stings_rabies": 85.0,
    "women_cooperatives": 90.0,
    # the fifty-fourth round's (when they arrived: 89.7, 88.7, 88.7, 92.0, 85.3, 84.0, 88.0,
    # 89.0 %; after the rules written from its misses: 90.0, 89.3, 89.3, 92.7, 87.3, 84.7,
    # 88.7, 89.7 %): cables and street lights, wheat silos, sewage, scrap metal, emigration,
    # frost in orchards, weddings, shop fires
    "cable_theft_streetlights": 88.5,
    "grain_silos_wheat": 88.0,
    "water_pollution_sewage": 88.0,
    "scrap_metal_recycling": 91.0,
    "youth_emigration": 86.0,
    "frost_orchards": 83.0,
    "wedding_dowry_costs": 87.0,
    "shop_fires_markets": 88.0,
    # the fifty-fifth round's (when they arrived: 86.0, 89.7, 93.3, 92.0, 90.7, 90.7, 94.0,
    # 84.3 %; after the rules written from its misses and the next round's: 87.0, 90.7, 93.0,
    # 92.3, 91.0, 91.3, 95.0, 86.0 %): flour mills, stray dogs, car workshops and fuel,
    # orphanages, rain and mud, excavations, farmers and mines, local councils
    "bread_flour_mills": 85.5,
    "stray_dogs_animals": 89.0,
    "car_workshops_fuel_smuggling": 91.5,
    "orphanages_child_care": 91.0,
    "rain_roads_mud": 89.5,
    "archaeology_excavations": 90.0,
    "land_mines_farmers": 93.5,
    "municipal_elections_councils": 84.5,
    # the fifty-sixth round's (when they arrived: 89.7, 85.3, 89.3, 87.0, 87.7, 84.7, 87.3,
    # 88.7 %; after: 89.7, 86.3, 90.3, 87.0, 89.7, 85.7, 89.0, 91.0 %): ambulances, property
    # disputes, dust and heat, herders, students, river crossings, rents, curfews
    "ambulance_referrals": 88.0,
    "property_disputes_courts": 85.0,
    "dust_storms_heat": 89.0,
    "shepherds_grazing_conflicts": 85.5,
    "internet_cafes_students": 88.0,
    "bridges_crossings_rivers": 84.0,
    "rent_housing_prices": 87.5,
    "night_curfews_security": 89.5,
    # the fifty-seventh round's (when they arrived: 88.7, 87.0, 83.0, 84.0, 85.3, 90.3, 90.3,
    # 68.7 %; after: 90.3, 87.7, 87.0, 86.0, 91.7, 91.0, 91.3, 85.7 %): winter storms, health
    # workers, livestock theft, banks and transfers, water turns, firewood, poultry, football
    "snow_winter_storms": 89.0,
    "medical_staff_shortages": 86.0,
    "livestock_theft": 85.5,
    "bank_atm_salaries": 84.5,
    "water_rationing_schedules": 90.0,
    "firewood_tree_felling": 89.5,
    "poultry_farms_eggs": 90.0,
    "football_league_matches": 84.0,
    # the fifty-eighth round's (when they arrived: 88.3, 84.7, 88.0, 87.3, 78.7, 82.0, 88.3,
    # 78.0 %; after: 89.3, 86.3, 88.3, 88.0, 82.3, 82.7, 88.3, 84.0 %): maternity, truffles,
    # school repairs, cotton, pistachios and figs, irrigation, endowments, dialysis
    "hospital_maternity_births": 88.0,
    "truffle_season_badia": 85.0,
    "school_rehabilitation": 87.0,
    "cotton_harvest_gins": 86.5,
    "pistachio_harvest": 81.0,
    "irrigation_canals": 81.0,
    "awqaf_endowments": 87.0,
    "kidney_dialysis_patients": 82.5,
    # the fifty-ninth round's (when they arrived: 92.0, 79.7, 91.3, 90.3, 91.0, 88.7, 82.0,
    # 85.3 %; after: 92.0, 87.7, 93.3, 90.3, 91.0, 88.7, 82.0, 85.7 %): COVID-19, drownings,
    # heater fires, oil refineries, depot blasts, citrus, vineyards, dairies
    "covid_cases_2020": 90.5,
    "drowning_rivers_summer": 86.0,
    "heater_fires_winter": 92.0,
    "primitive_oil_refineries": 89.0,
    "ammunition_depot_blasts": 89.5,
    "citrus_coast_harvest": 87.0,
    "vineyards_grapes_raisins": 80.5,
    "dairy_milk_cheese": 84.0,
    # the sixtieth round's (when they arrived: 86.0, 92.3, 87.0, 87.7, 87.7, 90.7, 86.3,
    # 83.7 %; after: 88.3, 92.3, 87.0, 89.3, 87.7, 90.7, 86.3, 84.0 %): mukhtars, motorcycles,
    # gold shops, master plans, road paving, sermons, textile workshops, weekly markets
    "mukhtars_appointments": 87.0,
    "motorcycle_bans_accidents": 91.0,
    "gold_shops_robberies": 85.5,
    "master_plans_zoning": 88.0,
    "road_paving_asphalt": 86.0,
    "friday_sermons_imams": 89.0,
    "textile_workshops_workers": 85.0,
    "weekly_markets_bazaars": 82.5,
    # the sixty-first round's (when they arrived: 88.0, 85.0, 87.7, 86.7, 80.0, 89.0, 76.7,
    # 90.7 %; after: 89.7, 87.0, 91.3, 87.0, 81.3, 89.7, 85.0, 90.7 %): a siege's fall,
    # evacuation deals, offensives, battles against ISIS, its last pockets, border fronts,
    # winter displacement, cholera
    "aleppo_siege_2016": 88.0,
    "eastern_ghouta_2018": 85.5,
    "daraa_offensive_2018": 90.0,
    "raqqa_battle_2017": 85.5,
    "baghuz_last_pocket_2019": 80.0,
    "peace_spring_2019": 88.0,
    "idlib_displacement_2020": 82.5,
    "cholera_2022": 89.0,
    # the sixty-second round's (when they arrived: 90.0, 89.3, 81.0, 90.3, 85.0, 91.0, 87.3,
    # 85.0 %; after: 91.3, 91.3, 85.3, 92.0, 85.0, 91.3, 87.7, 92.3 %): militias' positions,
    # security raids, border shootings, roadside bombs, child labour, mobile clinics, local
    # radio, vehicle thefts
    "iranian_militias_deir": 90.0,
    "sdf_coalition_raids": 90.0,
    "border_gendarmerie_shootings": 84.0,
    "ied_roadside_bombs": 90.5,
    "child_labour_streets": 83.5,
    "mobile_clinics_outreach": 90.0,
    "local_radio_fm": 86.0,
    "vehicle_thefts": 91.0,
    # the sixty-third round's (when they arrived: 92.0, 93.7, 94.0, 90.0, 78.0, 88.0, 92.0,
    # 90.0 %; after: 93.7, 95.0, 94.0, 95.3, 89.7, 91.7, 93.0, 91.0 %): killings on the coast,
    # clashes in the south, an event database's notes, victims named, prisoners freed,
    # children hurt, food distributions, place strings in two scripts
    "coastal_violence_2025": 92.0,
    "sweida_clashes_2025": 93.5,
    "acled_notes_en": 92.5,
    "airwars_victim_names": 94.0,
    "sednaya_released_2024": 88.0,
    "unicef_child_casualties": 90.0,
    "wfp_distribution_points": 91.5,
    "mixed_script_strings": 89.5,
    # the sixty-fourth round's (when they arrived, with the sixty-third's rules: 93.7, 92.0,
    # 90.3, 93.7, 94.0, 91.0, 87.0, 91.3 %; after: 93.7, 92.0, 90.3, 93.7, 94.0, 93.7, 91.3,
    # 91.3 %): a monthly report's massacres, returns, a river front, a monitor's roundups, an
    # inquiry's paragraphs, news tickers, memorial posters, survey answers
    "snhr_monthly_massacre_rows": 92.0,
    "returnees_looted_homes_2025": 90.5,
    "eastern_aleppo_front_2025": 89.0,
    "sohr_evening_roundups": 92.0,
    "un_coi_paragraphs": 92.5,
    "arabic_news_tickers": 92.0,
    "martyr_posters_captions": 90.0,
    "survey_responses_kobo": 90.0,
    # (round sixty-five, held out at 95.3, 90.7, 86.7, 90.7, 89.3, 85.7, 88.0, 90.0 %; after:
    # 96.0, 95.0, 92.7, 93.7, 91.7, 87.3, 89.3, 92.0 %): arrests of former officers, wires with
    # datelines, security logs, community profiles, school directories, transitional-justice
    # files, the SDF's handover, battle prose
    "former_officers_arrests_2025": 94.5,
    "wire_datelines_2025": 93.5,
    "inso_security_logs": 91.0,
    "hno_subdistrict_profiles": 92.0,
    "school_directory_rows": 90.0,
    "transitional_justice_2025": 86.0,
    "sdf_handover_2025": 88.0,
    "battle_article_prose": 90.5,
    # the sixty-sixth round's, places drawn from one region each and what people type into a
    # search box (first 93.3, 93.3, 92.0, 91.7, 90.7, 95.0, 70.0, 92.3; after the round's
    # rules, a village typed before its units without commas and Arabizi's digits, the same
    # but search_box_queries 92.7)
    "hama_ghab_countryside": 91.5,
    "rural_damascus_qalamoun": 91.5,
    "hasakah_khabur_jazira": 90.5,
    "homs_countryside_news": 90.0,
    "latakia_tartous_mountains": 89.0,
    "aleppo_idleb_villages": 93.5,
    "search_box_queries": 91.0,
    "south_daraa_sweida_quneitra": 91.0,
    # the sixty-seventh round's, four drawn from one or two governorates and four from all of
    # Syria (first 84.7, 91.7, 97.0, 86.0, 95.3, 92.7, 93.3, 94.0; after the round's rules, a
    # needs list's head, a place's people as a subject, "الدير", "in" glued after a quarter,
    # 86.3, 92.0, 97.0, 87.3, 95.3, 92.7, 95.3, 94.0)
    "deir_ezzor_euphrates_banks": 85.0,
    "raqqa_tabqa_countryside": 90.5,
    "idleb_countryside_posts": 95.5,
    "damascus_quarters_and_suburbs": 86.0,
    "bare_db_cells_with_gov": 94.0,
    "aleppo_north_countryside": 91.0,
    "relief_requests_whatsapp": 94.0,
    "witness_statements_en": 92.5,
    # the sixty-eighth round's, six drawn from one or two governorates and two from all of
    # Syria (first 92.0, 92.3, 88.0, 93.7, 87.7, 93.7, 92.3, 86.7; after the round's rules, a
    # post's question or first sentence, "X، ضيعتي جنب Y", a container's namesake, an export's
    # separators, 94.0, 92.3, 88.3, 93.7, 88.0, 93.7, 94.7, 94.3)
    "hama_east_salamiyah_countryside": 92.5,
    "aleppo_west_south_countryside": 91.0,
    "hasakeh_qamishli_malikiyah": 87.0,
    "homs_city_and_north": 92.0,
    "rural_damascus_ghouta_barada": 86.5,
    "lattakia_jableh_tartous_plains": 92.0,
    "ngo_distribution_tables": 93.0,
    "diaspora_memories_posts": 92.5,
    # the sixty-ninth round's, six drawn from one or two governorates and two from all of
    # Syria (first 89.0, 94.7, 90.7, 93.0, 94.3, 91.3, 87.7, 92.7; after the round's rules, a
    # scan's misread letters, what a place's people did, "X الصبح ...", a town on a road's
    # ends, 89.0, 95.0, 90.7, 93.0, 94.3, 92.0, 88.3, 92.7)
    "deir_ezzor_city_and_jazira": 87.5,
    "idleb_jisr_ariha_harem": 93.5,
    "raqqa_city_tal_abyad": 89.0,
    "aleppo_east_bab_manbij": 91.5,
    "daraa_lajat_sanamayn_villages": 93.0,
    "sweida_quneitra_villages": 90.5,
    "ocr_scanned_lists": 87.0,
    "fundraising_appeals": 91.0,
}
# Confidently wrong rows a set is known to hold (each named):
# "Al-Hadara street, al-Muhajireen quarter, Homs" is the Homs quarter OCHA calls
# Abbasiyeh-Muhajreen; its writer chose the community Muhajerine, 7 km west of it
# "al-Hurriya, Hamah" is the Hama quarter OCHA writes "Al- horrieh_ Mohafaza", which reads
# only as a likeness of the text; the village Hurriyeh, 40 km off, is spelled exactly.
# "Bahura" is its writer's typo of the Hama quarter al-Bashoura; the village Bahra is
# taken.
# "Suwaydeh", with no governorate, is written for the village Sweida of Masyaf; the
# governorate capital As-Sweida is spelled so too, and a capital's name is read as the
# capital. "عناب" and "النعمة" are their writers' Arabic for the villages اناب (Enab) and
# الناعمة (Naameh): each is exactly the name of another village (Ennab of Hama, Naama of
# Hasakah), and nothing says it is not that one.
# "Zafaraiya" is its writer's slip for Zafaraniya (Homs), one letter dropped; with no
# governorate, it reads closer to the Hama village Zafriyeh, 63 km away.
# "محطة زيزون الحرارية قرب قرية زيزون": its writer chose the Zayzun of Daraa; the map's
# Zayzoun Thermal Power Plant, which the text names first, is by the Zayzun of Hama.
# "al-Qatriyah" is also a GeoNames spelling of Qatlaba, the namesake nearer Bqeilun.
# "قلعة حلزون" (the castle of Halzun, a base the map names in English only) reads closer to
# the locality Al Halazunah (الحلزونة), 40 km away.
# "Al-Sahel" (السحل) is read as the coast (al-Sahel).
# "العجمي" is also GeoNames' other name of A'rima (عجمي), in the same countryside of Al Bab.
# "الباب بريف الباب الدم جب بلدة" is "بلدة جب الدم الباب بريف الباب" with its words backwards,
# with one sign of it only (a kind word last, which a name may end with): read as written,
# its first word is Al Bab. "ةيكشكلا - لامكوبلا" is a line drawn backwards whose two halves
# read in either order ("الكشكية - البوكمال" or "البوكمال - الكشكية"): each word backwards,
# the first half is a namesake of Kishkiyeh near Abu Kamal.
# "the Roman site of Cyrrhus near Nebi Houri" is the map's locality Cyrrhus, the name as
# written; its writer chose the village Ali Jaru, 8 km off. "مدينة قصر الحير الشرقي الأثرية"
# is the map's locality of that name; its writer chose the map's landmark of the same name,
# 7 km off. "Ugarit (Ras Shamra), north of Latakia" (and its Arabic) is the Latakia quarter
# Ogharit, named after the site; its writer chose the village Burj al-Qasab, 5.1 km off.
# "al-Safira's military research facility" is read as a facility inside the town it names
# (a facility is not among the sites the map names after towns); the map's facility is
# outside it. "حقول الرميلان" is exactly GeoNames' locality of the oil fields' settlement;
# its writer chose the map's Rmelan oil field, 10 km off. "تلة زملة المهر" has two marks of
# that name on the map, 6 km apart; the text's spelling is the nearer of the two.
# "قلعة الحلزون" is the Halzun castle above (the locality Al Halazunah).
# "Mazraa, المزرعه, As-Suwayda city": the Arabic is also the name of the sub-district of
# Al-Mazraa, read as its unit; its writer chose the city's quarter al-Mazraa, 9 km away.
# "Aqrab near Oj" (a table filed under Homs): "Oj" is read as the Homs locality Al `Awjah,
# in the column's governorate, beside which the village Kharab (خراب) reads as "Aqrab"; its
# writer meant Aqrab of Hama, near 'Ujah, across the governorate line.
# "تلة الجموع" (the map's Tell al-Jumou' of Dar'a) has the consonants of the map's Tallat al
# 'Ajami of Aleppo too, whose "Tallat" is nearer "تلة" than "Tell" is: read as that hill.
# "Agriculture roundabout in Palmyra" is placed at Tadmor itself, which it names; the map's
# Al-Zira'ah roundabout lies 5.3 km from the town's point.
# "أم الرجيم جنوب سنجار" and "غزالة الشرقية في ناحية المنصورة": its writer chose GeoNames'
# point of the village (Umm ar Rajim, Ghazalah Sharqiyah); OCHA's community of the same name
# and sub-district, spelled so, lies 12 and 5.6 km from it. "al-Safeh ... al-Malikiyah
# (Derik)" is exactly a spelling of Safa (الصفا), a village of al-Malikiyah's district 30 km
# from As Safh (السفح), its writer's, which it spells only alike.
# "معصران جنوب المعرة: ..." and "أم الماعز جنوب الحسكة: ..." are posts whose heading gives a
# side its writer had wrong: the Maasaran meant lies north-east of Maarat al-Numan, the Um
# Elmaez meant north-west of al-Hasakeh; the namesakes on the side given (Maasran of Hama,
# Umm Al Maaz of Shaddadah) are taken, at precision 1 now that the heading is read.
# "Patient (age 58) from Masmiyyeh, on the Damascus–Dar'a highway" is read for the town
# Masmiyyeh, the patient's; its writer chose the sub-district of that name, whose point lies
# more than 5 km from the town's.
KNOWN_WRONG = {
    # The fifty-first round's, after the two rules written from its misses (a fee after a
    # colon, a body by its town acting in another): a unit for a text that names its town,
    # a body's or a market's town over the village named after it, a namesake.
    "olive_presses_season": {
        "In Tafsh (Tafsho), a hamlet near Kobani, a tin of olive oil fetches 95 dollars; residents say most of it comes from Afrin through middlemen.",
        "Shamarin, north of Azaz: a press set up by a displaced family from Tal Rifaat opened near the camps this week, charging 10 percent of the oil.",
        "The local council in Mare', north of Aleppo, set the pressing fee at 7 percent of the oil as the town's four presses started working.",
    },
    "river_floods_dams": {
        "The spring of Janf al-Ahmar, a hamlet just east of the Tishreen dam, dried up for the first time, residents of Sarrin said.",
        "The water level behind Tishreen dam dropped again this week, leaving the pumping station that supplies Dar al Faraj and nearby villages of Sarrin, south of Kobani, unable to draw water for the third day.",
        "The water level of the Euphrates below the Baath dam dropped so sharply that the pump station in Hamadaniyeh, in Raqqa's eastern countryside near Ma'dan, stopped.",
    },
    "pharmacy_medicine_shortage": {
        "Pharmacies across Safita district in rural Tartous, from Mashta al-Helu to the villages around Safita town, have run out of several insulin brands, the syndicate branch says.",
        "Families living around the so-called Blue Factory near Souran, north of Hama, travel to Hama city for their monthly heart and diabetes medicine.",
        "Shama, near al-Hasakah city: villagers with heart disease and diabetes say they travel to the city each month because the village has no dispensary.",
        "The pharmacists' union in Raqqa closed two unlicensed drug stalls at the workers' housing of the cement plant near al-Karama, in the eastern Raqqa countryside.",
    },
    "checkpoint_royalties": {
        "Drivers say soldiers at the checkpoints around Harbanifse, in the Hama countryside, demand 3,000 pounds per car and more for trucks carrying grain.",
        "Onions grown around Arima, in the al-Bab countryside of Aleppo governorate, cost more in Manbij markets because traders pay at the crossing checkpoints between the two sides.",
        "Rural Damascus monitor: 4th Division checkpoint at the northern entrance of Kisweh took 20,000 SYP per truck on the Dar'a highway; queues of 40 trucks reported.",
        "Cucumbers and tomatoes from around Darkosh cost more in Idlib city this week; wholesalers point to the fees at checkpoints on the Orontes road.",
    },
    "hunting_wildlife": {
        "Shepherds near Umm al-Tin (Um Tweini), in the Mukharram countryside east of Homs, reported a herd of gazelles crossing the road towards the steppe early Friday.",
        "Workers at the soap factory north of Haritan, in the Aleppo countryside, say a fox has moved into the abandoned warehouse.",
    },
    "teachers_strikes_salaries": {
        "Teachers from Ariha held their strike sit-in outside the electric grid station on the edge of town, blaming it for the blackouts that leave classrooms dark and cold.",
        "Teachers in Arima and the villages of its subdistrict west of Manbij went on strike today, Aleppo province; at least 20 schools did not open.",
        "The school serving families near the Nassib Crossing, in Daraa province, has no English teacher; the nearest one comes from Daraa city.",
        "Volunteer teachers in New Aleppo (Halab al-Jadida) say they have not been paid for the summer courses they ran for Aleppo's education directorate.",
    },
    "smart_card_bread": {
        "At the bread point in Abad, a village south-west of al-Zirba, the first fifty in line get everything that comes from the Zirba bakery.",
        "From 6am there is a queue at the only bread outlet in al-Hamra, west of al-Qusayr in the Homs countryside. The bread comes from Qusayr and is gone before noon, people say.",
        "In Southern Jirf, east of Homs, the rule is one bundle per card per day, irrespective of how many names are on it, and the van comes from Jubb al-Jarrah.",
        "One bundle a day per family in Little Duwaya, a village in the Quneitra countryside near al-Khushniyah. The agent comes from Khan Arnabeh.",
        "Tal Aafar, a village south-east of Masyaf: one bundle per three people every day, and larger families end up at the free-price bakery in Masyaf.",
    },
    "beekeeping_honey": {
        "The agriculture extension unit in Dreikish trained 22 beekeepers from Khirbat Shati and nearby Fajlit, Tartous countryside, on queen rearing and wax foundation.",
        "Thieves stole 8 hives from a farm in Jeb Tineh, south-east of Aleppo near al-Safira, taking advantage of a power cut.",
        "Thieves stole five hives from a farm in Kuchuk Koy, a tiny hamlet in the Manbij countryside where only two families still live.",
    },
    # The fiftieth round's, as they arrived (one rule, where people came back to, was written
    # from its misses and changed none of these): a unit for a text that names its town, a
    # funeral's or a shelling's neighbourhood of another city, a namesake of a spelling.
    "aleppo_quarters_shelling_2013": {
        "A gas-cylinder shell hit a building in Deir Hafer, east of Aleppo, killing two civilians, the SOHR said; fighting had intensified around the town.",
        "Death toll from the shelling of al-Sanamayn in northern Daraa province rose to six on Friday, with 14 wounded still being treated.",
        "Hama: a gas-cylinder shell hit a building in the city this evening, wounding five, the official agency said, in the first such attack on the city in weeks.",
        "Terrorist groups targeted the town of Amouda with rocket shells launched from the west; a number of citizens were wounded and a school was damaged, a local source told the agency.",
        "Terrorists targeted Nashabiyeh in the Eastern Ghouta of Rural Damascus with rocket shells, an official source said.",
        "The toll from the rocket strike on Manzaleh, south of Banias in Tartous governorate, rose to two after a woman died of her wounds.",
        "UPDATE: toll from this morning's shelling of Daret Azza, western Aleppo countryside, now 8 incl. 3 children; rescuers still searching the market area.",
        "Umm Shajar, south of Manbij near Abu Qalqal: toll from yesterday's shelling rose to three after a man died on the way to hospital in Manbij.",
    },
    "funerals_mourning": {
        "The eight sailors lost at sea were buried in their home villages across the Tartous district of Tartous province on Sunday.",
        "A long funeral procession left the hospital in al-Haffa and wound through the villages of the Haffa area, Latakia countryside, dropping each coffin in its home village.",
        "Khalid, 9, killed by the old mortar shell he found while playing, was buried in the cemetery of Shibaniyah village, southeast of Qamishli.",
        "The family of the late Abdul Rahman al-Asaad receives condolences in Palmyra, in the eastern Homs desert, after the remains were identified.",
        "The family receives condolences for the martyr Major Ghassan Hasan in Anaza, in the mountains above Banyas, on Wednesday, Thursday and Friday.",
        "The family receives condolences in Madaya, Rural Damascus, for Abu Hassan, the town's baker during the siege.",
        "The funeral procession set off from the Grand Mosque in Derik (al-Malikiyah) and wound through the town to the martyrs' cemetery.",
        "The funeral procession set off from the Grand Mosque of al-Ghizlaniyyeh, Rural Damascus, carrying the three men killed in Saturday's strike near the airport road.",
        "The funeral procession set off from the mosque of al-Khafsa, on the shore of Lake Assad near Maskana, for the four victims of the water tanker crash.",
        "The three victims of the car bomb were buried in Suluk, southeast of Tell Abyad, on Sunday evening.",
        "تشييع ثلاثة من عناصر الفصائل في بلدة الزربة بريف حلب الجنوبي، قضوا خلال اشتباكات مع قوات النظام على محور خان طومان.",
    },
    "detainee_deaths_origin": {
        "Mahmoud Rajab Nasser | Hosh Elfara, near Douma | arrested 2012 | died 2013 | Saydnaya",
        "تعرف ذوو المعتقل حمود الجاسم من قرية السعيدية (آق ويران) بريف منبج على صورته، وأكدوا وفاته تحت التعذيب في سجن صيدنايا العسكري.",
    },
    "russian_airstrikes_2015": {
        "Bakeries and the central souk of Ariha went dark after a Russian strike knocked out the electric grid station on the outskirts of the town, activists said.",
        "Civil defence workers said a poultry farm and a school bus were hit as Russian jets bombed Tatiyeh, near A'zaz.",
    },
    "celebratory_gunfire_weddings": {
        "Gunfire after the exam results wounded a man at the former rebel training complex near Rabia, in the Turkmen Mountain, northern Latakia.",
    },
    "hts_arrests_idlib": {
        "08/2019 – Deir ez-Zor, regime checkpoint at the Radio Broadcast Tower northwest of the city – truck driver – detained by Military Security",
        "A journalist was detained at a Military Security checkpoint in Dar'a district (mintaqat Daraa) on his way to the Nasib crossing, activists in the governorate said.",
        "Detained in March 2018 at an HTS checkpoint in al-Husseiniyah (Tal Kalba), southeast of Idlib: an activist from Abu al-Duhur, held for three weeks without charge.",
        "Families in Sweida protested after regime forces detained shepherds at the Al-Safa volcano field, in the desert east of Damascus.",
        "On his way to Yabroud, an activist was taken off a bus at the checkpoint of Ein Et-Teeneh, the village just below Maaloula in Qalamoun.",
    },
    # The forty-ninth round's, as they are after its rules: a unit (a district, a sub-district)
    # its writer chose for a text that names its town, a namesake of a writer's spelling, a
    # heading's or an agent's town over the place named after it.
    "barrel_bombs_history": {
        "2016-05-02; Al-Mashrafa village, al-Khafsa countryside (east of Aleppo); 1 barrel; no casualties",
        "3 barrel bombs were dropped on al-Ajuziyeh, in the al-Khafsa countryside east of Aleppo, in November 2015.",
        "A technician at the electrical grid station outside al-Rai, north-east of Aleppo, described hearing the helicopter overhead before a barrel knocked out the transformers.",
    },
    "sieges_starvation": {
        "Hamza, aged 2, died overnight in Mezanaz. The medic who treated him said it was malnutrition, made worse by weeks of siege on the villages south of Atareb.",
        "The Jirud subdistrict council said the siege on Jirud, Atna and Nasriyeh has left 30,000 people without diesel or flour.",
    },
    "idlib_artillery_front": {
        "Farmers in Adleh, south of Hasakah, could not reach their fields because of shelling and drone strikes in the area.",
        "Rebel factions shelled the regime checkpoint at the Sibahi poultry farms (al-Madajin), near Suran in northern Hama, with Grad rockets.",
        "Rocket fire targeted the Suran sub-district on the northern Hama front, hitting around Maan and Qbariyeh, the opposition's operations room said.",
    },
    "coalition_drone_strikes": {
        "A drone hit a house near the Tell al Fatimah military position outside Sa'sa', where an officer lived; reports spoke of one dead.",
    },
    "defections_2012": {
        "Activists said dozens of soldiers defected from the 60th engineering battalion base near Sheikh Miskin and were received by rebels in nearby Dali.",
        "Defectors clashed with security forces in Darat Izza, west of Aleppo, and attacked the checkpoint below Jabal Sheikh Barakat.",
        "Heavy fighting between defectors and security forces around Tell al-Daman, south of Aleppo, on the road to Khanaser.",
    },
    "building_collapses_gas": {
        "A four-storey building badly damaged in the war collapsed in Douma, Eastern Ghouta, Rural Damascus. No casualties as it was empty.",
        "A four-storey building collapsed in Manbij city on Saturday; the civil council said three bodies were recovered and 11 people rescued.",
        "A four-storey building collapsed in the coastal city of Baniyas, Tartous governorate; rescuers pulled out seven survivors.",
        "A gas cylinder exploded in a house in Qalaat al-Madiq on Saturday evening, killing a woman and injuring her husband, local activists reported.",
        "A gas cylinder exploded inside a house in al-Tamanah, southern Idlib countryside, injuring a woman and her two children, local sources said.",
        "Aleppo Governorate engineers found 30 buildings in As-Safira at risk of collapse and recommended their immediate demolition.",
        "Blaze in a house in al-Khafsah, east of Aleppo, brought under control by fire crews; a woman suffered burns.",
        "Fire crews contained a house fire in the town of al-Qutayfah in the Qalamoun area of Rural Damascus before it spread to neighbouring homes.",
        "Fire in a house in Abu Danneh village, east of al-Bab, destroyed household belongings; no injuries.",
        "Two children were killed when a house collapsed in Muhasan, eastern Deir ez-Zor countryside.",
        "انهيار منزل في قرية الدشيشة بريف مركدة جنوب الحسكة دون إصابات",
        "Engineers warned that 60 buildings in As-Sanamayn, northern Daraa countryside, are at risk of collapse due to war damage.",
        "Al-Mayadeen council says 50 buildings in the city are at risk of collapse and has started marking them with red paint.",
    },
    "tribal_reconciliation_sulh": {
        "Balqasa, west of Homs: the blood money was counted out in front of the notables of Khirbet Tin Nour, and the two families stood up to shake hands.",
        "Bu Bana and Bani Said families sat together in Umm Jaloud, Manbij countryside, at a reconciliation meal after a quarrel over a tractor turned deadly.",
        "Hasrat, Albukamal countryside of Deir ez-Zor: Shaitat and Mashahda mediators announced that 60 million SYP had been paid, ending a killing over a fishing boat.",
    },
    "salvation_govt_decisions": {
        "Derik municipality: road works started in the Al-Malikeyyeh subdistrict, beginning with the village roads south of the town.",
        "Road works: Raqqa's roads committee started grading the dirt track to Alajeyah hamlet in the western countryside, cut off every winter by mud.",
        "Truffle traders working around Abu Faraj near Mahin, in the desert south-east of Homs, must obtain licences from the Homs agriculture directorate.",
        "Works started on the road linking Masiyat to Anaza in the Qadmous countryside, after a landslide closed it in January.",
    },
    # The forty-eighth round's, as they arrived; the forty-ninth round's rules, written partly
    # from their misses, left these so.
    "mosques_churches_damage": {
        (
            "Prayers returned to the Grand Mosque of Kobani (Ain al-Arab), in the northern "
            "countryside of Aleppo governorate, for the first time since the siege of the city "
            "ended."
        ),
        (
            "2012-05-18 | Khalid bin al-Walid Mosque, Talkalakh | shelled by regime forces during"
            " the storming of the town; minaret destroyed"
        ),
        (
            "28/11/2019 – Amouda Grand Mosque, Amuda – damaged by Turkish artillery shelling on "
            "the town from across the border."
        ),
    },
    "electricity_lines": {
        "إعادة التيار الكهربائي إلى مدينة الطبقة وقرى منطقة الثورة بعد إصلاح العطل في محطة التحويل قرب سد الفرات",
        "Raqqa Civil Council: the new solar plant at the city water station covers 40% of its daytime needs in Ar-Raqqa and frees diesel for the bakeries.",
    },
    "idp_camp_fires_floods": {
        (
            "Sarin / Septe Airbase area: 9 tents of a displaced group damaged by wind; families "
            "requested relocation to Sarin town."
        ),
    },
    "court_rulings_local": {
        (
            "The real-estate registry for the Sabka subdistrict reopened in the town of Sabka, "
            "east of Raqqa, handling ownership claims for riverside villages whose paper deeds "
            "were burned."
        ),
        (
            "The land registry of Qatana says files for Durin, a village in the Sa'sa' "
            "subdistrict of the western Ghouta countryside, have been fully re-scanned and sale "
            "transfers can resume."
        ),
        (
            "Summons by publication: owners of the orchards fenced inside the Rahbat Shuqaif army"
            " base north of Aleppo, near Handarat, are called to the Aleppo court for a survey of"
            " the plots on 9 October."
        ),
        (
            "The land registry of Deir ez-Zor said villages of the Basira subdistrict, among them"
            " Breiha, can again file sale transfers through the mobile registry team."
        ),
    },
    "cultural_festivals": {
        (
            "Qutayfah's youth ensemble performed a concert in the old quarter of Helleh village, "
            "with songs from the Qalamoun mountains."
        ),
        (
            "A concert by the castle: musicians from Tabqa played in the old quarter of Jaabar "
            "Sharqi village, on the shore of Lake Assad."
        ),
        (
            "The Jbine spring festival opened with horsemanship and folk dances near al-Rai, in "
            "the northern countryside of Aleppo governorate."
        ),
        (
            "The 'Memory and Freedom' festival opened at the former Kobra prison in Daraa, with "
            "an exhibition of detainees' drawings and a short play."
        ),
        (
            "A heritage day dedicated to Fiq and the villages of the southern Golan was organised"
            " by displaced families, with photos and songs of the occupied district."
        ),
    },
    "livestock_disease_vets": {
        (
            "Cases of orf were recorded in goat flocks grazing on Kutshuk Dar mountain near "
            "Bulbul, north of Afrin; shepherds say lambs cannot suckle because of the sores."
        ),
        (
            "Raqqa governorate: foot-and-mouth disease confirmed among cattle in the town of al-"
            "Karamah east of Raqqa city; vets are vaccinating cows on neighbouring farms."
        ),
        (
            "Herders in al-Mayadin say the price of a sack of barley has reached 180,000 pounds "
            "and many are slaughtering lambs early to avoid buying feed."
        ),
    },
    "unexploded_ordnance_kids": {
        (
            "A 14-year-old boy was killed on Tuesday when a shell he was trying to take apart for"
            " scrap exploded in al-Bu Badran village near al-Susah, in the eastern countryside of"
            " Deir ez-Zor."
        ),
        "إصابة طفلين بانفجار قذيفة من مخلفات الحرب قرب الكلية الحربية في مدينة حمص",
    },
    "municipal_services_waste": {
        (
            "Qahtaniyah's waste is being unloaded on the road to the cemetery of Manathra, a "
            "village east of the town, and residents rallied there on Friday to demand the dump's"
            " closure."
        ),
        (
            "About 40 families from Dunghuz, the village also called Salamah al-Saghira south-"
            "west of Kobani, gathered on Sunday to demand the closure of the dump that Kobani's "
            "municipality set up on their land."
        ),
        (
            "Al-Bab's local council ran a cleaning campaign in Qabr al-Muqri, east of the city, "
            "with workers removing waste heaps and rubble from the village's main road."
        ),
    },
    # The forty-seventh round's: every row below was so on arrival. A unit's town for the
    # unit its writer chose, a town named beside a landmark or a village not found, a heading's
    # town over the village its news names.
    "sweida_protests": {
        "Protesters in al-Haffah raised banners calling for jobs and for the sons of the area detained since March to be released.",
        "Protesters in As-Safira raised banners calling for the withdrawal of militias from the defence factories area.",
        "Protesters in Raheiba in the eastern Qalamoun raised banners calling for the withdrawal of the militias and the release of detainees.",
        (
            "Protesters in Madinat al-Baath raised banners calling for the release of detained "
            "students and an end to corruption in the Quneitra administration."
        ),
        "وقفة احتجاجية عند دوار الجندول في مدينة حلب للمطالبة بالإفراج عن المعتقلين",
    },
    "security_campaigns_2025": {
        (
            "Moraba, eastern Daraa countryside: the security campaign continues for a second day "
            "near Busra al-Sham, with six men accused of kidnapping for ransom now in custody."
        ),
        (
            "A security campaign across the Sharran subdistrict of Afrin, north-east of the city,"
            " led to the arrest of 7 wanted men, among them faction members accused of "
            "confiscating homes."
        ),
    },
    "lebanon_displacement_2024": {
        (
            "Al-Hasakeh – Shaddadi: 19 families returning from Lebanon recorded in Adla village; "
            "hosted by relatives; bread and fuel needs."
        ),
        (
            "Hama district: 11 reception centres opened in schools in Hama city and nearby towns "
            "to receive arrivals from Lebanon, the governor announced."
        ),
    },
    "quneitra_incursions": {
        (
            "Coalition and SDF bulldozers dug new trenches across the Khasham sub-district, Deir "
            "ez-Zor, around the Conoco field, after the government forces moved closer to the "
            "river."
        ),
        (
            "DeirEzzor24 – Sat 8 Oct – Raid on the Al-Mari'iyah farms near the airport, south-"
            "east of Deir ez-Zor city: 3 young men detained, a motorbike seized."
        ),
    },
    "roads_bridges_damage": {
        "دير الزور: تضرر الطريق المحاذي لتل باروك غربي المدينة بسبب السيول، ومطالبات بإعادة تأهيله قبل موسم الأمطار المقبل",
        (
            "Homs – residents of Tadmor district, from al-Sukhnah to Palmyra itself, complain "
            "that the desert roads are cracked and potholed and nobody has repaired them."
        ),
    },
    "water_trucking": {
        (
            "Bedouin herders camped by Jabal Furu' Tarat al-Alb, deep in the Palmyra desert, say "
            "the only well at the foot of the hill dried up in July; a tanker now comes from "
            "Tadmor once a week, if at all."
        ),
        "أزمة مياه في قرية الديابية - الذهبية بريف تلكلخ، وسعر صهريج الماء وصل إلى 70 ألف ليرة",
        (
            "Families living in the old Sibahi poultry farms by the Madajin checkpoint, north of "
            "Hama, say the only well in the complex dried up."
        ),
        (
            "Ghunah, next to al-Hweizeh north-east of al-Shaddadi, has had no network water for "
            "30 days; the salty well water is only good for washing."
        ),
    },
    "sniper_shootings": {
        (
            "Eastern Daraa countryside - al-Taybeh: one civilian killed by sniper fire from the "
            "Nasib crossing area."
        ),
        (
            "Gunmen fired on a car near Ghanya, north of Jisr al-Shughur, wounding a young man "
            "returning from the olive press."
        ),
        (
            "An 11-year-old was wounded by a sniper in Qarrasa village, western As-Sweida "
            "countryside, as fighting flared with armed groups from Daraa."
        ),
        (
            "In Qabu, a village just east of Jableh, a child was struck by a bullet fired from a "
            "passing pickup; residents closed the road in protest."
        ),
    },
    "crop_pests_harvest": {
        (
            "A late frost damaged apple and cherry orchards across the Jobet Berghal subdistrict "
            "in Latakia's mountains; the agriculture directorate's committee is assessing losses."
        ),
        "المنزول – ريف حمص الشرقي: الحصادات تدخل حقول الشعير، والإنتاج متوسط رغم قلة الأمطار",
    },
    # The forty-sixth round's: every row below was so on arrival but one. A unit's town for
    # the unit its writer chose ("the only licensed petrol station in the subdistrict" of
    # Albukamal, "the self-defence duty campaign reached Raqqa and its countryside"), the
    # town a person was seized near rather than the village they came from (the kidnapping
    # style: "a man from X was kidnapped near Y"), a town beside a landmark not listed. The
    # new one: "The only petrol station in al-Qassaa has been closed ..." (what has been done
    # to the place is no longer part of its name; "al-Qassaa" folds exactly like the map's
    # locality Qasa of Aleppo, at precision 1, where the span reading had it at 2; its writer
    # meant the Damascus quarter al-Qassaa, which OCHA spells Al Qusa').
    "captagon_seizures": {
        (
            "Asayish say they arrested three smugglers who had been camping on Chambah hill near "
            "al-Hol, in the eastern Hasakah countryside, with bags of captagon."
        ),
    },
    "reconstruction_projects": {
        "إعادة تأهيل بئر المياه في قرية تل شعير بريف رأس العين لتأمين مياه الشرب لنحو 90 نسمة",
        (
            "Concrete barriers and rubble have been removed at the former Khazan Checkpoint north"
            " of Hama, near Suran, reopening the old road to traffic."
        ),
    },
    "fuel_gas_distribution": {
        (
            "The only petrol station in al-Qassaa has been closed for six days; drivers have "
            "moved to Abbasiyin, where the queue now reaches Fares al-Khoury street."
        ),
        (
            "The only petrol station in al-Jawadiyah (Chil Agha) has been shut for 12 days; "
            "motorbike owners are buying benzine in plastic bottles at double the price."
        ),
        (
            "Returnees to Palmyra queued for hours outside the grain silos, where the fuel "
            "company set up a temporary point to hand out gas cylinders."
        ),
        "Maarat al-Numan: benzine 1.15 USD/l, gas cylinder 11.5 USD.",
        (
            "Kobani and the villages of its centre subdistrict: gas queues are back, with "
            "deliveries now 40 days apart."
        ),
        (
            "Albukamal: the only licensed petrol station in the subdistrict has been closed for "
            "10 days, and smuggled Iraqi fuel fills the market."
        ),
    },
    "conscription_raids": {
        "حملة مداهمات للشرطة العسكرية في قرية العاصمية قرب مطار كويرس شرقي حلب بحثاً عن المتخلفين والفارين، وسوق سبعة شبان إلى شعب التجنيد",
        (
            "Sources in Farqalas, east of Homs, said military police raided the town and its "
            "farms, arresting 10 young men for compulsory service."
        ),
        (
            "The self-defence duty campaign reached Tell Tamer: Asayish and military police set "
            "up checkpoints at the town's entrances and took 9 young men to the training camp."
        ),
        (
            "Security forces and local militiamen raided the western neighbourhoods of Bosra al-"
            "Sham in 2013, arresting young men who had not reported for military service, "
            "activists reported."
        ),
        (
            "The self-defence duty campaign reached Raqqa and its countryside this month: SDF "
            "military police are running checkpoints on the main roads and taking men of the "
            "required age."
        ),
    },
    "afrin_violations": {
        (
            "Diman village, south-east of Aleppo: a shepherd from the village was kidnapped while"
            " grazing sheep near Banan and released after nine days for a $5,000 ransom."
        ),
        (
            "Kidnapping in Madhir village, Mansoura area west of Raqqa: a farmer was seized near "
            "Tabqa and freed a week later once $3,000 was paid."
        ),
        (
            "A farmer from Rasm Elhamam Miri, east of Menbij, was kidnapped near al-Khafsa and "
            "released after his family paid a ransom of 4,000 dollars."
        ),
        (
            "A young man from the Youth Housing neighbourhood in Aleppo city was kidnapped at al-"
            "Ramouseh and released after his relatives paid 20 million pounds."
        ),
        (
            "A man from Kom al-Waisiyah (Marj Barghuth), northern Quneitra, was kidnapped near "
            "Khan Arnabeh and released after paying a 30 million pound ransom."
        ),
        (
            "A 17-year-old boy from Sfin (Kisrat Mohammed Agha), Sabkha area of Raqqa, was "
            "kidnapped near Maadan and released for a ransom of $4,000."
        ),
        (
            "In Tal Elhasanat, Jawadiyah area near Derik, unknown persons cut about 40 olive "
            "trees on farmland belonging to a family living abroad."
        ),
        "انتهاكات في مدينة تل أبيض: الشرطة العسكرية تعتقل مدنيين على خلفية ملكية عقارات وتفرض إتاوة على المحال",
        (
            "Sabbura, west of Damascus: a young father was snatched at dawn near Qudsaya by an "
            "armed gang and returned after his family paid 40 million Syrian pounds."
        ),
        (
            "In the village of Aziziyeh, east of Homs, militiamen cut about 70 olive trees "
            "belonging to a family displaced to Idlib."
        ),
        (
            "Afrin – a 60-year-old man from Baselhaya was kidnapped at a Sultan Murad checkpoint "
            "and freed only after his sons paid $3,000."
        ),
        (
            "Jurneyyeh, near Tabqa: a livestock trader from the town was kidnapped by an armed "
            "gang and released after paying a ransom of 5,000 dollars."
        ),
        "انتهاكات في مدينة يبرود بالقلمون: حزب الله يستولي على منازل ومحال ويمنع عودة أصحابها",
        (
            "A man from the Beit Yashout area, Jableh countryside, was kidnapped near Jableh and "
            "released after his family paid 40 million pounds."
        ),
        "انتهاكات في مدينة الميادين بريف دير الزور الشرقي: ميليشيات إيرانية تستولي على منازل ومحال تجارية",
    },
    "women_protection_services": {
        "Three women and girls safe spaces opened across Al Mayadin district this month, covering the Mayadin, Thiban and Ashara sub-districts.",
        "افتتاح نقطة لدعم المرأة في قرية جافعة التابعة لناحية جب الجراح بريف حمص الشرقي، تقدم جلسات دعم نفسي وتوعية صحية",
        (
            "Two awareness sessions were held for women from farming families living around Tall "
            "Qlayen near Qastun, in the Ghab plain of Hama governorate."
        ),
        "Mobile teams covered Al-Hasakeh district in April, visiting the Tal Tamer, Shaddadi, al-Hol and Areesha sub-districts and reaching 2,150 women.",
    },
    # The forty-fifth round's: every row below was so on arrival but two. A unit's town for
    # the unit its writer chose ("the car bombing in Maarat al-Numan", "Ariha district: the
    # Ariha, Mhambal and Ihsim sub-districts", "al-Dimas" for its sub-district), a namesake or
    # a town named beside the place ("positions on Jabal Bashar near Abu Qalqal", "a microbus
    # every hour to Suluk", "stranded in Tal Salhab", "a charity based in Masyaf"), a heading's
    # town over a village not found. The two new: "Death toll of the car bombing in Maarat
    # al-Numan, ..." (its writer chose the sub-district; the town was read at precision 2 on
    # arrival, now at 1) and "Maadan local council: a new microbus line now links al-Daama
    # with Maadan town" (the line's other end is no longer read; al-Daama is not found and the
    # heading's Maadan is taken).
    "turkish_drone_strikes": {
        (
            "A drone targeted a 4x4 vehicle on the track along the mountain ridge north-west of "
            "Palmyra, in the Tadmur desert of Homs; three men on board were killed."
        ),
        (
            "Manbij Military Council: a Turkish drone targeted our positions on Jabal Bashar near"
            " Abu Qalqal, south-east of Manbij; two comrades were wounded."
        ),
        (
            "Turkish artillery shelled al-Jafr and nearby villages in the Tal Tamr countryside, "
            "Hasakeh province, residents of the Khabur villages reported."
        ),
    },
    "car_bombs_north": {
        (
            "An explosion near the hospital roundabout in Al Bab, in the eastern Aleppo "
            "countryside, killed two people and injured 11 on Thursday, the Syrian Civil Defence "
            "said."
        ),
        (
            "Car bomb explodes in the market of Tall Ed-daman, southern Aleppo countryside; state"
            " media say four killed."
        ),
        (
            "Civil defence crews in Sabka, in the eastern Raqqa countryside, responded to an IED "
            "blast that hit a fuel tanker on the main road; the driver was rescued."
        ),
        (
            "Civil defence crews responded to a blast in al-Dimas, west of Damascus on the Beirut"
            " road, Rural Damascus; one person hurt."
        ),
        (
            "Death toll of the car bombing in Maarat al-Numan, southern Idlib, rose to 11, the "
            "White Helmets said late on Tuesday."
        ),
        (
            "Three civilians killed when a bomb-laden car exploded near a roundabout in Tell "
            "Abiad, in the northern Raqqa countryside, a Turkish defence ministry statement said."
        ),
        "Civil defence crews spent hours pulling survivors from the rubble after the car bomb in Quamishli, northern Hasakah province; four confirmed dead so far.",
    },
    "bakeries_bread": {
        (
            "A charity based in Masyaf delivered 3 tonnes of flour to the bakery of Deir Shmil, "
            "where residents complained of weeks without bread."
        ),
        (
            "A women's association in Tartus handed out 1 tonne of flour in Badriyeh, a village "
            "in the city's countryside, to families who bake their own bread on tannour ovens."
        ),
        (
            "Ash Shihah, a hamlet in the Hamra area north-east of Hama: mobile sellers now charge"
            " 500 pounds per bundle, villagers say, and come only twice a week."
        ),
        (
            "In Tal Hermez, one of the Assyrian villages along the Khabour near Tal Tamer, the "
            "few remaining families queue at the bread truck from Tal Tamer."
        ),
    },
    "disease_outbreaks": {
        (
            "Rabia, Lattakia - Tall Nawarah: 3 leishmaniasis among families sheltering on the "
            "hill; sandfly control requested."
        ),
        (
            "Six cholera cases were recorded among families living in tents on Khalid Mountain "
            "near Abu Qalqal, southeast of Menbij."
        ),
        (
            "The vaccination round launched Saturday covers all of Ariha district: the Ariha, "
            "Mhambal and Ihsim sub-districts."
        ),
    },
    "journalist_safety": {
        (
            "A local journalist was killed in a shelling attack on al-Dimas, west of Damascus on "
            "the Beirut road, while filming damaged homes."
        ),
        (
            "A photographer working for a local agency was detained at a checkpoint in Al Bab, in"
            " the eastern Aleppo countryside, and his camera and phone were confiscated."
        ),
        (
            "Asayish members raided the office of a local Assyrian radio station in Tell Tamer, "
            "Hasakah province, and ordered it to stop broadcasting news, according to Syriac "
            "media groups."
        ),
        (
            "Menbij: security forces raided a local radio station's office and detained its "
            "director for broadcasting criticism of local authorities."
        ),
        (
            "Military intelligence raided the office of a local radio station in As-Suqaylabiyah "
            "and seized equipment after it covered an NDF kidnapping."
        ),
    },
    "antiquities_looting": {
        (
            "Coins and a bronze figurine from Hadaj, a village in the Markada countryside, were "
            "seized at a checkpoint south of Hasakeh."
        ),
        (
            "Satellite images over al-Jarniyah, on the northern shore of Lake Assad, show looting"
            " pits on mounds exposed when the reservoir dropped."
        ),
        (
            "Satellite images show new pits around the Roman temple at al-Mushannaf, north-east "
            "of Suwayda, and at ruins across the sub-district."
        ),
    },
    "bus_routes_transport": {
        (
            "A new microbus line now links Ajel with Kafr Naha and al-Atarib, residents of the "
            "western Aleppo village said, ending months without service."
        ),
        (
            "Around 200 workers at the cement plant near al-Karama, east of Raqqa, were left "
            "stranded on Tuesday after the company's shuttle microbuses stopped for lack of "
            "diesel, the plant's workers' committee said."
        ),
        (
            "Kilmakhu residents: the fare from the village to Qardaha's town centre rose to 1,000"
            " pounds, and after 2 pm there is simply no microbus at all."
        ),
        (
            "Students from Hamidiyeh near al-Hader, in the southern Aleppo countryside, stranded "
            "as microbuses stopped running during the fuel crisis."
        ),
        (
            "The microbus stop in Ein Zywan was moved to the Sweisa crossroads, a change "
            "residents of the southern Quneitra village say adds 20 minutes to every trip."
        ),
        "Zarzur's local council has launched a microbus line to Darkush and Jisr al-Shughur, with three trips daily.",
    },
    "universal_jurisdiction_trials": {
        (
            "A former conscript told the court he was held at the Abu al-Duhur air base, in "
            "eastern Idlib, in 2012 after being accused of planning to defect."
        ),
        (
            "According to the charge sheet, the accused beat detainees with cables in a makeshift"
            " cell in al-Dimas, in the Zabadani district west of Damascus, in 2012."
        ),
        (
            "Al-Tamanaah, in the southern Idlib countryside, was repeatedly hit by airstrikes in "
            "2019; the case concerns an attack on a market there."
        ),
        (
            "Darayya, south-west of Damascus, was the scene of a massacre in August 2012 in which"
            " hundreds were killed; several witnesses in the case survived the assault on the "
            "town."
        ),
        (
            "For the killing of two detainees in al-Suqaylabiyah in 2014, the court imposed a "
            "sentence of nine years on the former militia commander."
        ),
        (
            "In her testimony the woman said her son was detained at a checkpoint in the Hasakah "
            "area of Al-Hasakeh governorate in 2013 and has not been heard from since."
        ),
        (
            "Prosecutors accuse him of overseeing torture in a detention facility in al-Safira, "
            "south-east of Aleppo, while serving in the army in 2013."
        ),
        (
            "The eastern airstrip at Sayqal air base, in the desert of Rural Damascus "
            "governorate, housed the helicopter squadron whose sorties over Eastern Ghouta are "
            "central to this case."
        ),
        (
            "محاكمة قيادي سابق في فصيل مسلح أمام محكمة ألمانية بتهمة ارتكاب جرائم خطف وتعذيب في "
            "مدينة رأس العين (سري كانيه) بعد عام 2019"
        ),
    },
    # The forty-fourth round's: every row below was so on arrival but one. A person's town
    # read where the text puts the act elsewhere without a word of place ("Burza ...: a
    # young man originally from al-Mukharram was killed"), a city named for a quarter or a
    # unit in it ("in Homs city", "Idlib city: ... near the clock square", "the Markaz Homs
    # subdistrict"), a namesake or a village by a landmark of its name ("near Hawash", "near
    # Big Jaddaa", "Bashishar mountain near Abu Qalqal", "Tall al-Daman"), a place a
    # sentence names beside another ("... residents of Tadmur say", "18 km from Kweires
    # airbase"). The one new: "A revenge killing in al-Shuhayl ...: ... days after a killing
    # in Basira" (the noun "a killing" is no longer cut as a tail, so the later killing's
    # town is read too, and taken).
    "assassinations_south": {
        "Burza, Ain al-Niser area east of Homs: a young man originally from al-Mukharram was "
        "killed; the perpetrators were not identified.",
        "Unknown gunmen shot dead a taxi driver in Homs city early on Saturday and took his "
        "vehicle.",
        "A young man originally from Aleppo city was killed in al-Bab by unknown gunmen near "
        "the city centre.",
        "Idlib city: an IED planted under the car of a local faction commander exploded near "
        "the clock square, killing him.",
        "اغتيال عنصر من قوى الأمن الداخلي قرب مركز الأقطان في مدينة الرقة",
    },
    "israeli_strikes": {
        "Israeli strikes hit a building in the hamlet of al-Mazraa near Hawash, in the Wadi "
        "al-Nasara area west of Homs close to the Lebanese border, a monitoring group said.",
        "Barlahin, a village southwest of al-Bab about 18 km from Kweires airbase, makes sense "
        "as a target only as overflow storage for the base; the hit suggests Israel is "
        "tracking the dispersal of stockpiles.",
    },
    "tribal_clashes_east": {
        "A revenge killing in al-Shuhayl, Deir ez-Zor countryside: a member of the Bakir clan "
        "was shot in front of his home, days after a killing in Basira.",
        "Homs: a revenge killing in the Markaz Homs subdistrict, on the outskirts of the city, "
        "left a 38-year-old man dead, the latest episode of a feud between two families from "
        "the countryside.",
    },
    "smuggling_borders": {
        "Smugglers bringing captagon from Homs to the Jordanian border skirt Palmyra along the "
        "slopes of Jabal As Safra in the Homs desert, residents of Tadmur say.",
        "Regime forces shot at a smuggling boat on Lake Assad near Big Jaddaa (al-Karameh), "
        "east of Maskana, killing one passenger.",
    },
    "wildfires_forests": {
        "A fire broke out in the forests planted on Bashishar mountain near Abu Qalqal, "
        "south-east of Manbij; the afforestation project lost hundreds of young trees.",
    },
    "kidnapping_reports": {
        "خطف شاب في قرية الديابية - الذهبية بريف تلكلخ غربي حمص، والأهالي يتهمون عصابة تنشط على "
        "الطريق",
        "A man seized near Jabal al-Arbaain in the southern Aleppo countryside, close to Tall "
        "al-Daman, is being held for ransom.",
    },
    # The forty-third round's: every row below was so on arrival but five. Most name a unit
    # beside a town of its name or its governorate's city and are read as the town at
    # precision 1 ("Jebel Saman district" as Aleppo, "Jirud sub-district" as Jirud, a
    # district's hashtag as its town), or a movement's origin read as where people are
    # (its writer's "origin" style names where they came from; the readers here take where
    # they arrived, as most records mean); a namesake of the same governorate; a town before
    # its quarter's unlisted spelling; a landmark by the town it is named after; a fact-check
    # whose claimed town is read. The five that were not: a highway's entrance to Markada, to
    # al-Malikiyah and to Jubb al-Jarrah, now read as the town at precision 1 once the
    # road's ends are set aside (its writer chose the sub-district, 10 to 25 km away); an
    # investigator's "actually al-Jamaliyah, ... nr Farqalas", now read as the correction,
    # whose spelling is nearer Jamiliya by Farqalas (21 km from the writer's); and "It's
    # Mas'ade" (the writer's sub-district, 6 km from the village taken).
    "movement_tracking": {
        "Displaced within Hama: 12 households originally from al-Bashoura neighbourhood"
        " in Hama city, now in Salamiyah.",
        "Homs: returns to Al-Qusayr sub-district continued, with 95 families coming "
        "back from Lebanon through the Jousieh crossing.",
        "IDPs originally from Jemrine near Busra al-Sham, now in Daraa city.",
        "Menbij city hosts 30 families originally from Ghadini (Al-Khafsa "
        "sub-district), displaced since 2016.",
        "Families living near the Sibahi poultry farms and the al-Madajin checkpoint "
        "north of Hama fled towards Qamhana, Hama governorate.",
        "Area of origin: Ma'taram (Ariha sub-district) | Current location: Dana camps | 34 HH",
        "Salamiyah host list includes 17 families originally from the Ein Al Louzeh "
        "neighbourhood of Hama city.",
    },
    "roads_between": {
        "In the Quamishli countryside, an IED targeted an Asayish car on the "
        "Qamishli–Tirbespiye (Qahtaniyah) highway; Hasakah province sources report no "
        "casualties.",
        "The checkpoint at the entrance of Mhardeh, in the north-west Hama countryside,"
        " was shelled from the direction of Latamna.",
        "On the Hasakah–Deir ez-Zor highway an oil convoy was attacked at the entrance "
        "of Markada, south of al-Shaddadi.",
        "A fuel tanker overturned on the Qamishli–Malikiyah (Derik) highway at the "
        "entrance of al-Malikiyah; the driver escaped unharmed.",
        "On the al-Mukharram–Jubb al-Jarrah road, an IED hit a car at the entrance of "
        "Jeb Ej-Jarrah, in the eastern Homs countryside.",
    },
    "hospital_referrals": {
        "Patient (age 58) from Masmiyyeh, on the Damascus–Dar'a highway, admitted to al-Sanamayn hospital after a road accident.",
        "Child (6) injured by a shell in the al-Thawra / al-Jorah area of Deir-ez-Zor "
        "city, referred to the military hospital for surgery.",
        "Rural Damascus: leishmaniasis cases in Jirud sub-district (Qalamoun) reached "
        "58 this season, most of them from Jayroud town.",
        "Tartous: the health centre in al-Annazeh (Qadmous area) was hit by a fire that"
        " spread from the surrounding forest; the pharmacy was lost.",
        "Afrin city: 9-year-old boy injured by the car bomb in the main market, "
        "referred to a hospital in A'zaz for surgery.",
        "Jableh mountains: 16 cutaneous leishmaniasis cases this month in Dalyeh; the "
        "health centre has started weekly injection days.",
        "Aleppo – Jebel Saman district: 340 suspected measles cases so far this year, "
        "the most of any district in the governorate.",
        "Deir-ez-Zor - Al Mayadin district: 118 suspected cholera cases in August, mostly from al-Mayadin town, Mahkan and Quriyeh.",
    },
    "water_stations": {
        "Water stations of Idleb district (incl. Saraqab, Sarmin, Bennsh and Teftnaz "
        "sub-districts) have fuel stocks for 11 days only.",
        "Hama city planned cuts (Sat): al-Mahalbeh neighbourhood 08:00–20:00 – main "
        "valve replacement",
        "Derik/al-Malikiyah district – 16 villages without water – 5 days – Ain Diwar line damaged",
    },
    "osint_threads_en": {
        "#Kfeir #Kufayr #Afrin 🫒 houses burned E of Afrin town, vid via local page",
        "Said to be 'Salamiyah outskirts' — actually al-Jamaliyah, Mukharram area E "
        "Homs countryside nr Farqalas.",
        "Claimed 'Khan Arnabah'. It's Mas'ade, across the line in the occupied Golan "
        "(Masaada subdistrict on Syrian maps). Hermon slopes behind.",
        "That 'Palmyra desert' clip is al-Mukharram district, E Homs countryside — "
        "flatter, Sankari villages on the horizon.",
        "Video sold as 'Tartus port' is actually al-Hamidiyah area S of Tartus, near "
        "the Lebanese border coast.",
        "#AlBukamal #AbuKamal #DeirEzzor 🇮🇷 militia positions across the subdistrict hit overnight",
        "#JisrAlShughur #JisrDistrict #Idlib 🔥 shelling across the district",
    },
    "fronts_axes_ar": {
        "إحباط محاولة تسلل على محور تل سبعين جنوب غربي مطار كويرس العسكري، والجيش يعلن "
        "مقتل عدد من عناصر التنظيم",
        "Daraa district (mintaqat Daraa): clashes on several mihwars around Daraa city,"
        " regime shelling hits the southern countryside of Daraa governorate",
    },
    "returnee_reports": {
        "Deir-ez-Zor: the markaz subdistrict council announces that returnees to the "
        "city and its surrounding villages can register property claims at the Hamidiya"
        " service centre from next week.",
        "Al-Bab local council (Aleppo) warns residents not to enter the former Shaalah "
        "Radar Base west of the city; unexploded ordnance is still being removed from "
        "the site.",
        "Day five of the rubble removal campaign in Zarzuriyeh, west of Homs: 18 "
        "destroyed houses cleared, with the municipality of Khirbet Tin Nour providing "
        "the trucks.",
        "بيت ريحان في ريف القرداحة (اللاذقية): عودة الأهالي إلى منازلهم بعد إخماد "
        "الحرائق وبدء إصلاح خطوط الكهرباء",
        "حقول رميلان في ريف المالكية بمحافظة الحسكة: عودة العمال إلى الحقول بعد إصلاح "
        "الأضرار التي خلفتها الضربات التركية",
    },
    # The forty-second round's: every row below was so on arrival but the last, which a
    # namesake of the reader's English took ("Jubb al Tinah ... cerca de as Safira": two of
    # the name in As-Safira district; the one in As-Safira sub-district is taken, 40 km from
    # the writer's). A heading's unit before news of a village it holds, whose news words
    # the parse kept ("Shaddadi, Hasakah canton: ...", "ناحية الجوادية (جل آغا): ..."); a
    # grid station and a hill by the town beside them (5 and 12 km); a driving school on the
    # edge of Tadmor read as the town; a grave's site written after the village it lies near;
    # arrivals in camps near A'zaz from a village of Suran (where they arrived is taken); a
    # row whose village is unlisted under its spelling, placed at its sub-district's town
    # at precision 1; a village's eastern entrance by a checkpoint the map names after it;
    # and a village shelled "from the Dabaa airport direction", the airbase taken.
    "aanes_admin_terms": {
        "Shaddadi, Hasakah canton: the People's Municipality has finished paving the road into "
        "al-Issa village in Shaddadi sub-district, the Jazira Region's Roads and Transport "
        "Committee announced on Sunday.",
        "Al-Bab district: an explosion hit the electrical grid station in al-Rai (Çobanbey), "
        "cutting power to villages of the Ar-Ra'ee sub-district in the occupied areas north of "
        "Aleppo.",
        "ناحية الجوادية (جل آغا): مزارعو قرية الصالحية يطالبون بتأمين مادة المازوت لسقي المحاصيل.",
    },
    "fact_checks": {
        "Location confirmed: the compound in the Palmyra clip is the old driving school on the "
        "edge of Tadmor, used as a base by several armed groups over the years. Perimeter wall "
        "and practice track clearly visible in the drone shot."
    },
    "mass_graves": {
        "Fighters clearing old trenches on Qalqum mountain near al-Rai, north of al-Bab, came "
        "across a grave containing at least 12 bodies, a military source said.",
        "Forensic teams working in the desert near Sabaa Biyar, east of Damascus, exhumed a "
        "grave at Bayt Khalaf al-Azli, recovering remains believed to belong to shepherds who "
        "disappeared in 2016.",
    },
    "ocha_flash_en": {
        "Camps near A'zaz registered 150 new arrivals on 5 November, all from Odaya village, "
        "Suran sub-district, following escalation along the front lines.",
        "Menbij | Abu Qalqal (SY020501) | Ghurra Kabira | 62 HH | shelter, NFIs | partners "
        "present: 2",
    },
    "sohr_daily_ar": {
        "مقتل عنصر من الفرقة الرابعة وإصابة اثنين آخرين، باستهداف سيارتهم بالرصاص من قبل "
        "مجهولين عند المدخل الشرقي لبلدة كفر قوق في منطقة قطنا بريف دمشق الغربي."
    },
    "sources_quoted_ar": {
        '"Western Buwayda was shelled from the Dabaa airport direction since morning," said '
        "activist Abu Hussein al-Qusayri, Qusayr countryside."
    },
    "spanish_italian_news": {
        "Cinco kilómetros caminan cada día los niños de Jubb al Tinah, al sureste de Alepo, "
        "cerca de as Safira, para llegar a la escuela más cercana."
    },
    # The forty-first round's: every row below was so on arrival but the first, which was
    # wrong at precision 2 ("committee" unlisted, placed at the same quarter).
    # "Youth Housing (al-Maasraniyeh)" is the quarter OCHA names "Ma'asaraniyeh Youth
    # Housing"; the bracket reads as a second name of the quarter Youth Housing, spelled
    # exactly, 8 km away.
    "local_councils": {"Neighbourhood committee, Youth Housing (al-Maasraniyeh), Aleppo"},
    # "Shera" (Sharran in Kurdish) is read as another unit, whose Qastal is Qastal Miqdad
    "photo_captions": {"Qastal village, Shera district, #Afrin 🌳"},
    # two al-Aliyehs near Mhambal: the spelling is nearer the one taken, 19 km from the other
    "event_names": {
        "Residents of al-Aliyeh near Mhambal marched on Friday in solidarity with Homs."
    },
    # a namesake east of Tal Abyad spelled alike; a mountain after five words of who struck;
    # since the forty-fourth round, the Umm al-Tuyour of Homs, which lies east (south-east)
    # of Hama city as the text says, over the Hama one its writer chose, now read at
    # precision 1 from "killed a man in X village, east of Y"
    "sohr_daily_en": {
        "Gunfire by unknown assailants killed a man in Umm al-Tuyour village, east of Hama "
        "city; SOHR has documented 15 killings in the area since the start of the year.",
        "Turkish-backed factions detained two shepherds near Al-Badi' village, east of Tal "
        "Abyad, and confiscated their sheep.",
        "Russian warplanes carried out more than 20 airstrikes on ISIS positions on Mount "
        "Kuhlah near Al-Qaryatayn, in the eastern countryside of Homs.",
    },
    # "السعيدية" is also an Arabic name of Sayada in the same countryside
    # The second eight: every row below was so on arrival but the two of "hrw_amnesty_ar",
    # where the speakers' town is taken for the hill or pasture they speak of near it.
    # A namesake spelled alike nearer the town the text names ("Saidiyeh village, west of
    # Manbij"; "Um Adase, 9 km south of Manbij"; "Malha, 23 km south of Ras al-Ain"), a
    # village the text puts near a town it lies farther from (Zenda, Khneizir, al-Hijjaneh,
    # Bayadiyeh), a base named after a regiment ("111th Regiment") read as the town beside it,
    # an informal settlement read as the quarter of its name, and two lists from the larger
    # place down read from the place up ("دير سنبل - قلعة المضيق", "Russian helicopter base -
    # Hanadi")
    "north_press_en": {
        "Two members of one family were injured when a Turkish drone targeted their house in "
        "Saidiyeh village, west of Manbij.",
        "After years lying fallow, the orchards of Khneizir, in the Ghouta near Damascus "
        "airport, are being replanted by returning families.",
        "Most families in al-Hijjaneh, in the Eastern Ghouta countryside near Damascus airport, "
        "have returned, but their lands have become barren.",
        "Explosions were heard after an airstrike on the former 111th Regiment base near Daret "
        "Azza, in the western countryside of Aleppo.",
    },
    "incident_strings_ar": {"دير سنبل - قلعة المضيق"},
    "incident_strings_en": {"Russian helicopter base - Hanadi"},
    "airwars_summaries_en": {
        "Ibrahim, Hamza and Ali al-Ali, all members of the al-Ali family, died in Malha, a "
        "village 23 km south of Ras al-Ain (Serekaniye).",
        "Three generations of the al-Ali family were killed in Um Adase, 9 km south of Manbij: "
        "Hassan al-Ali, his daughter Noura and her baby.",
    },
    "hrw_amnesty_ar": {
        "قال رعاة من الضمير إن قوات عسكرية صادرت أراضي الرعي المحيطة بتل جعفر، في البادية "
        "جنوب شرقي البلدة، وسيّجتها ومنعت الأهالي من الاقتراب منها.",
        "قال رعاة من صدد إن المراعي المحيطة بجبل الحزم، جنوب شرقي البلدة، أُغلقت وحُوّلت إلى "
        "منطقة عسكرية.",
    },
    "vdc_records": {"السعيدية، ريف منبج"},
    # The thirty-eighth round's second eight: every row below was so on arrival.
    # A namesake taken in a unit's countryside ("Umm al-Maaz ... in the Hasakah countryside")
    "protests_2011": {
        "On 3 June 2011 residents of Umm al-Maaz, a village in the Hasakah countryside, "
        "gathered after evening prayers calling for the release of detained relatives; two "
        "men were later summoned by Political Security."
    },
    # "According to elders in X, just outside Manbij": the town is taken; "... owned by a
    # family of Hama" reads Hama as the text's people's town; "الضاحية العمالية" (the workers'
    # suburb) is read as the refinery named after it
    "history_writing": {
        "According to elders in Anzawiya, just outside Manbij, the village was founded around "
        "1905 on pasture land bought from a Circassian family of the town.",
        "أُقيمت الضاحية العمالية في ناحية خربة تين نور بريف حمص في الستينيات لإسكان عمال مصفاة "
        "حمص والمصانع المجاورة.",
    },
    # A person's first name that spells a village ("Rami": Rama; "Hassan A.": a village of
    # the Khafsa area) and a double name in brackets whose second is another village's
    "missing_persons": {
        "Rami, a nurse from Bustan al-Basha in the Jableh countryside, has been missing since "
        "2013, when he was reportedly seized while travelling to Aleppo for work.",
        "Tracing request: Shervan A., born 1984 in Lower Bozhyuk (Tal Abyad Tahtani), Kobani "
        "countryside, Aleppo governorate. Missing since the ISIS siege of Kobani in 2014. "
        "Enquirer: wife in Suruç.",
        "Hassan A., a shepherd from al-Rummana in the al-Khafsa area east of Aleppo, has been "
        "missing since 2016, when he did not return from grazing his flock near the lake.",
    },
    # A checkpoint's line whose news names a hill range ("the Raju hills") after the
    # checkpoint's village
    "checkpoints_crossings": {
        "The checkpoint at the entrance of Batra (Kawanda), Raju sub-district of Afrin "
        "district, reopened for civilian traffic on 7 May; residents of the Raju hills can "
        "reach the market again.",
    },
    # A route's start, at precision 1: "left Salamiyeh ... and reached X", "out from Hasakeh
    # ... to X" (a walker's or rider's day names two places; the writer's is the second). Both
    # were so on arrival.
    "travel_writing": {
        "Day 2: left Salamiyeh at dawn on the bikes and reached al-Uyur by eight, where the "
        "village shop sold us cold ayran and a sack of warm flatbread.",
        "Rest-day walk: out from Hasakeh along the canal to al-Mushairfa and back, 15 km each "
        "way, hot and flat.",
    },
    # "Salakhid" is a spelling of both the hamlet Salakhed and the town Salkhad (10,000
    # people), which is taken (so on arrival)
    "health_bulletins": {
        "The only health facility in Salakhid stopped working on 1 July 2017 after the last "
        "doctor left; patients now travel to the district hospital",
    },
    # "كورة" in the Ghab before what its people do there ("يؤدون صلاة العيد في العراء"):
    # "العراء" (the open air) is read as the village Ara, 6 km off the Hama line, and Kort
    # is taken near it; "Kafroun in Wadi al-Nasara": the valley puts it in Homs governorate,
    # where Kafrish is spelled alike ("Kafrayn"), and Kafroun, in Tartous, is left out (both
    # so on arrival)
    "religious_community": {
        "أهالي قرية كورة في سهل الغاب قرب قلعة المضيق يؤدون صلاة العيد في العراء بعد تضرر "
        "مسجد القرية",
        "Kafroun in Wadi al-Nasara celebrated the feast of the Holy Cross on 14 September with "
        "bonfires on the hills around the village.",
    },
    # "not far from Suluk": no distance the grammar reads, and Saidah's namesake Al sedeh is
    # taken (so on arrival)
    "service_outages": {
        "Farmers around the village of Saidah, not far from Suluk, say the irrigation pumps are "
        "idle because of the electricity rationing programme.",
    },
    # "The Bftamoun microbus ..., residents of the village in the Mhambal area ... say": the
    # village is named by "the village" only, after the bus's words (so on arrival)
    "traffic_accidents": {
        "The Bftamoun microbus now runs only twice a day, residents of the village in the "
        "Mhambal area near Ariha say.",
    },
    # an English gauge's reading names its place first and the city whose stations it
    # outdid last ("X (Hama district) recorded 19 mm ..., the highest total among the
    # stations around Hama city"): the city is read (both rows were so on arrival)
    "weather_bulletins": {
        "Al-Bahra (Hama district) recorded 19 mm on Monday, the highest total among the "
        "stations around Hama city.",
        "Jibreen (Hama district) recorded 16 mm on Friday, the highest reading among the "
        "gauges around Hama city.",
    },
    # One row was confidently wrong on arrival: the Alouk water station ("محطة مياه علوك
    # الشرقي") is read as the town whose municipality announces it (Ras al-Ain, 7 km off). One was
    # made so by a rule of the round: "al-Ghandoura" in "The Jarablus local council ..." is
    # read in the town's context, where Qandariya ("Koundoûra") is spelled alike in the
    # town's own sub-district; Ghandorah, its writer's, lies in the next one.
    "official_decrees": {
        "تعلن بلدية رأس العين عن تأهيل محطة مياه علوك الشرقي وإعادة ضخ المياه إلى الأحياء",
        "The Jarablus local council opened a new bakery in al-Ghandoura, centre of the "
        "sub-district of the same name.",
    },
    # ("Eastern Sweida" is a village's own name in Hama district; its words also read as the
    # east of As-Sweida, and the second name in brackets as that governorate)
    "refugee_intake": {
        "Place of origin: Eastern Sweida (al-Suwaydah al-Sharqiyah), Hama countryside | "
        "District: Hama | HH size: 5 | Shelter: collective centre"
    },
    "sites_in_arabic": {"تلة الجموع", "Agriculture roundabout in Palmyra"},
    "small_places": {
        "غارات جوية على قرية أم الرجيم جنوب سنجار بريف إدلب",
        "قرية غزالة الشرقية في ناحية المنصورة بمنطقة الطبقة",
        "al-Safeh village in the countryside of al-Malikiyah (Derik)",
    },
    "document_governorates": {"Aqrab near Oj"},
    "bilingual_locations": {"Mazraa, المزرعه, As-Suwayda city, Sweida, Syria"},
    "landmarks_en": {"al-Safira's military research facility"},
    "landmarks_ar": {
        "حقول الرميلان، في محيط تل عدس",
        "تلة زملة المهر الاستراتيجية",
        "قلعة الحلزون الأثرية",
    },
    "heritage_sites": {
        "the Roman site of Cyrrhus near Nebi Houri, north of Azaz",
        "مدينة قصر الحير الشرقي الأثرية",
        "موقع أوغاريت الأثري (رأس شمرا) شمال اللاذقية",
        "Ugarit (Ras Shamra), north of Latakia",
    },
    "pdf_extract_ar": {"الباب بريف الباب الدم جب بلدة", "ةيكشكلا - لامكوبلا"},
    "local_media_ar": {"محطة زيزون الحرارية قرب قرية زيزون"},
    "relative_places": {"al-Qatriyah village near Bqeilun"},
    "sites_en_ar": {"قلعة حلزون"},
    "bilingual_cells": {"Al-Sahel (السحل), An-Nabk"},
    "context_cells": {"العجمي"},
    "typos_cells": {"Zafaraiya"},
    # A census table's Arabic row, its columns from the district down (district, sub-district,
    # village, figures), read from the place up: the district's town is taken; and a survey's
    # cluster "Al-Bu Badran (Susat, Abu Kamal)", the spelling of a namesake 8 km off. Both
    # were so on arrival.
    "census_statistics": {
        "Al-Bu Badran (Susat, Abu Kamal) was drawn as cluster 364 with probability proportional "
        "to size; 20 households to interview",
        "دريكيش\tمركز دريكيش\tبقعو (البقعة)\t225\t218",
    },
    # "Qentera Kîkan": two communities of the name in Ain al-Arab sub-district, 21 km apart
    # ("Qantarra - Qantaret Kikan" and "Al-Qantara / Kikan", OCHA's slash a backslash); the
    # second is taken (on arrival its words found the first)
    "kurdish_latin_news": {
        "Rêveberiya Xweser li gundê Qentera Kîkan ê herêma Kobanê dibistaneke nû ji bo 261 xwendekaran vekir.",
    },
    # A camp named after the Euphrates ("مخيم الفرات") is the village Farat (so on arrival)
    "camps_idp_sites": {
        "مخيم الفرات - قرية الصافي - ناحية منبج - 74 عائلة - خيام",
    },
    # A convoy's origin ("from Aleppo unloaded at X") and a crossing before the village a
    # convoy heads to: both so on arrival
    "aid_convoys": {
        "28/7: 5-truck cross-line convoy from Aleppo unloaded at Niha (Tamanaah SD, Al Ma'ra). Beneficiaries: 1,580.",
        "3 شاحنات تابعة للأمم المتحدة تعبر معبر الراعي متجهة إلى قرية قبتان محملة بمساعدات غذائية وطبية",
    },
    # The fortieth round's. An Arabic name two villages of one
    # sub-district share (Sayada's other name is سعيدية, 7 km from Saidiyeh, new this round:
    # on arrival the words after the clock time gave a likeness 134 km off at precision 2);
    # a village named after its pair ("الإسماعيلية – المختارية", its pair's namesake
    # nearby) and a name read as another's spelling (المحمدية as المحمودية); a checkpoint of
    # a security branch and an airbase named before the village the text is about. All but
    # the first so on arrival.
    "sms_early_warning": {
        "Impact reported al-Saidiyah, Manbij countryside 06:30 – Turkish UAV strike, 1 "
        "vehicle burning",
    },
    "geography_textbook_ar": {
        "تشتهر قرية الإسماعيلية – المختارية شمالي حمص بنحو 8 كم بزراعة الخضار والأشجار المثمرة على مياه الري، ويعمل قسم من سكانها في المنشآت الصناعية القريبة، وتتبع ناحية مركز حمص.",
        "المحمدية قرية سورية تتبع ناحية كفر بطنا في منطقة مركز ريف دمشق، تقع في الغوطة الشرقية شرقي دمشق بنحو 13 كم، وبلغ عدد سكانها 1500 نسمة وفق تقديرات المكتب المركزي للإحصاء.",
    },
    "asylum_decisions_en": {
        "[36] I found credible his evidence that he was stopped at the Air Force Intelligence "
        "checkpoint at the entrance to al-Tall, north of Damascus, in November 2013 and held "
        "for eleven days.",
        "[51] The villages around the Kuweires airbase, including Sheikh Ahmad east of "
        "Aleppo, were under ISIS control in 2015 until the base was relieved in November of "
        "that year.",
    },
    "translit_en": {"Suwaydeh"},
    "translit_ar": {"عناب", "النعمة"},
    "field_notes_en": {"Al-Hadara street, al-Muhajireen quarter, Homs"},
    "city_quarters": {"al-Hurriya, Hamah", "Bahura"},
    # a post headed with its district's town, whose news names the village ("#المالكية |
    # انقطاع ... عن قرية خراب بنيان ..."): the head's town is taken (it was on arrival)
    # "الكوليرا" (cholera) of a flash update's heading spells the map's landmark Kulayriyah,
    # which has no Arabic name: read across scripts, exactly (it was so on arrival)
    "humanitarian_ar": {
        "تحديث عاجل: الكوليرا - حي الثورة في اللاذقية. تأكيد 9 حالات إيجابية بالاختبار السريع "
        "وإرسال فرق الاستجابة."
    },
    "village_reports_ar": {
        "#المالكية | انقطاع تام للكهرباء عن قرية خراب بنيان منذ ثلاثة أيام بسبب عطل في "
        "المحولة الرئيسية، والأهالي يناشدون الجهات المعنية الإسراع بالإصلاح."
    },
    # The fifty-second round's, after the rules written from its misses: a container or a
    # reference the text names over the village it puts there, a namesake in the direction
    # the text gives, a unit for a text that names its town.
    "land_auctions_seizures": {
        "'They auctioned my land like it belonged to nobody,' says a farmer displaced from Jamasa and Odayat al-Shari'a in the Ghab, below Qalaat al-Madiq, now living in Sarmada.",
        "A monitoring group says about 35 hectares around Al Muwaylah village, in the al-Khafsa sub-district of Manbij district, near Dibsi Afnan, were seized from displaced owners.",
        "An owner from Halfaya says his family's land next to the Dahret Bijo army base, south of Muhradah, was seized and mined.",
        "From a camp near Tal Rifaat, a man displaced from Kfeir near Afrin says a faction harvested his olives for three years running.",
    },
    "livestock_markets_prices": {
        "A ton of barley in Thahabiyeh, south of Saraqib, now costs 3.2 million SYP; farmers returning to the village say they can't restock.",
        "Al Badriyah, a village near Badama on the road to the Turkish border: a few dozen sheep were sold Tuesday at $160 each, mostly to butchers from Jisr al-Shughur.",
        "Back in Maasaran, south of Maarat al-Numan, herder Hussein says he sold most of the flock he brought home; the village is half destroyed and there is no pasture.",
        "In Sahl, near Yabroud in the Qalamoun, herders say a ton of barley costs 3.4 million pounds and that a ewe now sells for less than half of that.",
    },
    "quarries_brick_kilns": {
        "A worker was hurt when a conveyor belt snapped at a sand and gravel yard next to the Air Force Intelligence branch and its prison, Damascus; a relative said he was taken to al-Mujtahid hospital.",
        "Licence of the sand pit at Ghunah village, Shaddadi countryside, revoked for digging in the Khabur bed",
        "Residents of al-Sawda, in the hills east of Tartous, complain that the stone quarries have turned the valley white.",
        "كسارة قرب قرية قاطورة في جبل سمعان بريف حلب الغربي تعمل دون ترخيص منذ أشهر، والأهالي يطالبون بالتدخل",
    },
    "house_demolitions": {
        "The Daraa district council says it demolished 19 unlicensed buildings in towns across the district in March, from Busra al-Sham to Tafas.",
        "A family from Qossiyeh in Wadi al-Oyoun, west of Masyaf, says the municipality knocked down the extension they had built for their married son.",
        "A family living by the quarry mountain near Akhtarin, north of Aleppo, says the faction running the quarry demolished their house to expand it.",
        "Speaking from a tent in Azaz, a father from Tal Madeeq, the village below Jabal Nayef near Marea, said his home was demolished once the front line moved past it.",
        "توسيع حاجز القطري شمال في ريف حماة الشمالي قرب صوران يطال منازل المدنيين بالهدم",
    },
    "solar_energy": {
        "مزارعو قرية حيلاتا بريف الدريكيش يركّبون ألواح طاقة شمسية لري بساتين الزيتون",
    },
    "ramadan_charity": {
        "A charity distributed food baskets to shepherd families camped on Jabal al-Arbaain in the southern Aleppo countryside, near Tell ed-Daman.",
        "Expatriates from Tell Abyad funded a communal kitchen in the town, serving iftar to 700 people.",
        "توزيع سلال غذائية رمضانية على 800 عائلة في مدينة رأس العين وريفها شمال غربي الحسكة",
        "توزيع سلال غذائية وكسوة العيد للأطفال الأيتام في بلدة عين عيسى شمال الرقة",
        "جمعية خيرية في التل توزع 1000 سلة غذائية على الأهالي والنازحين في مدينة التل بريف دمشق",
    },
    "wells_drought": {
        "Barely 200 mm of rain this winter, and now al-Baroudiyeh's wells are empty, residents of the village near Hadideh in the Tall Kalakh countryside say.",
        "Citrus and vegetable farmers across the Ain al-Baida subdistrict of Lattakia drilled deeper wells this summer, many without licences.",
        "Dabiq, north Aleppo countryside: farmers near Akhtarin say the wheat barely reached knee height before it dried out; most will not recover their seed costs.",
        "Dry wells in al-Zbara: residents of the village near Mayadin say both communal wells stopped in August and the Euphrates is too low to pump.",
    },
    # The fifty-third round's, after the rules written from its misses: a town for a
    # district's text, a market or a hospital town over the village, namesakes.
    "school_exams": {
        "Bandir Saghir (Bandar Saghir), in the Lower Shuyukh area west of Kobani, got its own exam centre this year: 27 students, one hall, and a teacher brought from Kobani.",
        "Homs city: pass rate in the general secondary certificate reached 73 percent this year, with 41 students scoring full marks, the education directorate announced.",
        "Mariamin families say their children travelled to Afrin city, about 7 km away, for the secondary exams, because the village still has no approved centre.",
        "Students from Maarat al-Numan travelled to Hama city to sit the secondary exams this year, since no centre was opened in the mostly empty town.",
        "امتحانات الشهادة الثانوية في مدينة الحسكة: تضارب مواعيد بين امتحانات الحكومة وامتحانات الإدارة الذاتية يربك الطلاب والأهالي.",
        "Students from across the Jisr al-Shughur district — from Badama to Darkush — travelled to Jisr al-Shughur city for the secondary exams, many staying with relatives.",
    },
    "telecom_internet": {
        "Mushayrifa, southeast of al-Arisha south of Hasakah: the new tower put up on the edge of the village is working, people say the signal is full",
        "Tal Tamer residents: the internet is too slow to do anything after 6 pm, the town's only fibre link to Hasakah is overloaded",
    },
    "cemeteries_burials": {
        "A grave in al-Qahtaniyah (Tirbespiyê) now costs 300,000 pounds with the stone, locals say.",
        "A grave in the village cemetery under Jabal Zahiya, in the Rabia area of the Latakia mountains, costs 300,000 pounds now that cement comes from Latakia.",
        "Darayya city council (Rural Damascus) opened a new cemetery on the western edge of the town, beside the old martyrs' graveyard.",
        "In Kobani, a grave now costs 250,000 pounds with the stone, and the city's cemeteries committee says it cannot lower the price.",
        "In Mrat, on the eastern bank of the Euphrates in Deir ez-Zor, a grave now costs 120,000 pounds, including the digging.",
        "The cemetery of Sur (al-Suwar), on the Khabur in the northern Deir ez-Zor countryside, is full, and the sub-district council says two villages are already burying in private fields.",
    },
    "fishing_rivers_lakes": {
        "Aleppo: authorities banned electric fishing in the Quwayq near the Ramouseh complex, where the river runs along the southern edge of the city.",
        "Deir ez-Zor: fishermen in Tabni say the catch fell sharply this season, with a full day on the Euphrates bringing in barely 3 kg of bunni and carp.",
        "No more explosives or electric current in the Afrin river below Obudan: Bulbul's local council announced the ban after fry were found dead.",
        "Quneitra: fishing is banned in the dam waters near the Abbas Battalion position, the area being declared off-limits to boats and nets.",
        "Quneitra: fishing with nets is banned in the dam near al-Hanout until the end of the breeding season.",
    },
    "tobacco_farms": {
        "First real crop since families returned to Bsames in Jabal al-Zawiya, near Ihsim: the tobacco is strung and curing on the roofs.",
        "On the roofs of al-Dumayr in Rif Dimashq, a handful of families dry tobacco grown on irrigated plots by the town's springs.",
    },
    "bites_stings_rabies": {
        "A fighter stationed at the old rebel training complex near Rabia, in the Turkmen mountains of northern Latakia countryside, was bitten by a viper on night duty and carried down to a field clinic.",
        "A herder from Abu Fas, south of al-Shaddadi, was bitten by a viper; the health point had no serum and he was sent to al-Hasakah.",
    },
    "women_cooperatives": {
        "A mobile sewing workshop spent a week in al-Adleh, a hamlet of a few households in the Bir al-Helu area south of Hasakeh, training the women there.",
        "Janf al-Ahmar, a tiny village in the Sarrin area south of Kobani: the few women there sent dried yoghurt and carpets to the fair in Kobani.",
        "Women from Sidnaya and villages around it in Rural Damascus sold grape molasses, wine-leaf preserves and embroidery at the town's autumn fair.",
    },
    # The fifty-fourth round's, after the rules written from its misses: a town for a
    # district's text, a fire brigade's or a market's town, namesakes.
    "cable_theft_streetlights": {
        "Idlib countryside: volunteers and the Kafr Shalaya council installed 30 solar street lamps on the road from the village towards Ariha.",
    },
    "grain_silos_wheat": {
        "$310 a ton? In Albu Kamal, in the Deir ez-Zor countryside, farmers say that is less than they paid this year to pump water from the Euphrates, and some now talk of selling to traders.",
    },
    "water_pollution_sewage": {
        "Displaced families living in the old cement plant east of Raqqa, near al-Karama, say sewage flows between the buildings because the site's drains were never meant for housing.",
        "Sarrin subdistrict council, Kobani countryside: maintenance teams repaired sewer lines in Sarrin town and in six villages of the subdistrict this month.",
        "Sewage from As-Salamiyeh and the villages of its central subdistrict pours into the open wadi east of the city, where some farmers use it to irrigate vegetables.",
        "Sewage from Mohassan and the other villages of its subdistrict pours into the Euphrates, a Deir ez-Zor environmental activist says, just upstream of drinking-water intakes.",
        "The Suran local council north of Aleppo repaired the sewer line in Zayzafun - Ekdeh after it broke near the main road.",
    },
    "scrap_metal_recycling": {
        "In Barek, a village near Shaqqa in north-eastern Sweida, young men drag iron out of old army posts and sell it to a dealer who comes from Shahba every Friday",
    },
    "youth_emigration": {
        "Families in Aqrab, south-west of Hama near Taldou, live on money sent by sons working in Lebanon and Erbil.",
    },
    "frost_orchards": {
        "Apricots and plums were ruined on Monday when hail struck al-Qusayr village, a few kilometres from Qamishli near Hamo.",
        "Mreigel (northern Aleppo countryside): a hailstorm on Friday battered the village olive groves near Suran, and growers now fear for next season's buds.",
        "The agricultural unit in Kansaba surveyed hail damage to the apple and olive terraces on Jabal Katf in the Al-Haffa mountains, Lattakia, and promised to list the owners for compensation.",
    },
    "wedding_dowry_costs": {
        "Akhtarin, north of Aleppo: a groom now needs $4,000 for the dowry, then pays for the hall in Azaz on top.",
        "In Marrat, across the river from Deir ez-Zor city, young men delay marriage because dowries are set in gold grams and one gram passed 900,000 pounds this week. #DeirEzzor_countryside",
        "In Ras Elmaarra, high in the Qalamoun mountains near Yabroud, Rural Damascus, 24 couples were wed in one ceremony sponsored by a charity.",
        "The officers' club at the Signal Battalion base near al-Nashabiyah, Eastern Ghouta, rents its hall for weddings at 1.5 million pounds a night.",
    },
    "shop_fires_markets": {
        "A fuel warehouse burned on the edge of Dhiban town in the eastern Deir ez-Zor countryside, and the flames reached the shops nearby before they were contained.",
        "A warehouse of building materials burned on the edge of Kobani city on Monday night; the town's fire brigade worked until morning to put it out.",
        "Maati residents say the fire brigade from Sheikh Badr arrived an hour late to the burning grocery; the narrow mountain road was blamed again.",
        "The fire brigade from al-Zabadani reached Madaya, Rural Damascus, after 30 minutes; the fire in the market, which started in a sweets shop, had already spread to two other shops.",
        "The fire brigade reached the market of Kisweh, south of Damascus in the Rural Damascus countryside, 20 minutes after the fire broke out in the clothes shop, and stopped it reaching the rest of the row.",
    },
    # The fifty-fifth and fifty-sixth rounds', after the rules written from their misses: a town
    # for a district's or a sub-district's text, a court's or a council's town, namesakes; and
    # a machine translation's castle (round fifty-five's).
    "bread_flour_mills": {
        "Workers at the mills of the Tadmur region say they have not been paid since they returned to Palmyra, according to a union official in Homs.",
    },
    "stray_dogs_animals": {
        "A wolf was shot near Point 1, the army hilltop position south-east of Deir ez-Zor airport, after killing several sheep belonging to herders from Mreiyeh.",
        "Safita's veterinary unit started a vaccination and culling campaign against stray dogs across al-Bariqiyeh subdistrict, beginning with Zafarana and Haba.",
        "Aleppo City Council said its teams will enter the Al Hikmah hangars on the south-western outskirts of the city to cull stray dogs that breed there and attack nearby neighbourhoods.",
        "قرية الرشيد شمال الرقة: الكلاب الشاردة تهاجم المواشي والمارة، ومطالبات لمجلس الرقة المدني بالتحرك",
    },
    "car_workshops_fuel_smuggling": {
        "140 motorbikes confiscated in a month-long campaign against unlicensed riders across the Al Ma'ra district (Maarrat al-Nu'man), police said.",
    },
    "orphanages_child_care": {
        "The orphanage serving the Sur subdistrict, north of Deir ez-Zor on the Khabur road, cares for 29 children from Sur and its villages.",
    },
    "rain_roads_mud": {
        "منطقة عين العرب (كوباني) بريف حلب: الثلوج تغطي القرى، والطرق الترابية مقطوعة، والعائلات تحرق الأحذية والبلاستيك للتدفئة",
    },
    "archaeology_excavations": {
        "Qamishli's heritage museum reopened in a restored French-mandate building, showing finds from Tell Leilan, Tell Brak and Chagar Bazar.",
        "A survey mission resumed work on Jabal Maksar in the arid zone east of Salamiyah, near al-Saan, recording Bronze Age stone enclosures.",
        "Workers laying cables at the electrical grid station near al-Rai, north of al-Bab, struck a stone-lined tomb and reported it to the local council.",
    },
    "land_mines_farmers": {
        "A farmer from Lweibdeh was killed after his tractor struck a mine while ploughing near Kafranbel, in the southern Idlib countryside",
    },
    "municipal_elections_councils": {
        "In the town square of Markadah, residents confronted council members over flour shortages and the broken pumping station.",
        "Salkhad's new council, formed after the municipal elections, has eleven members and a new mayor from the town's old families.",
    },
    "ambulance_referrals": {
        "سيارة إسعاف جديدة لناحية السيسنية في منطقة صافيتا بمحافظة طرطوس، بعد مطالبات متكررة من أهالي القرى.",
    },
    "property_disputes_courts": {
        "Two sale contracts, two buyers, one plot: prosecutors in Qamishli say the deed for land in Khweitleh Yarubiyeh, near al-Yarubiyah on the Iraqi border, was forged.",
        "Deir ez-Zor city: a family whose house stands near the TV broadcast tower found it occupied by militiamen's relatives when they returned in 2023.",
    },
    "dust_storms_heat": {
        "Temperatures across the Sabe Byar sub-district, in the Syrian desert east of Damascus, reached 46 degrees; Bedouin families reported livestock deaths.",
        "Around Tall Sa'd, the volcanic hill near Shaqqa in north-eastern Sweida, herders say the heat reached 42 degrees and the rain-fed ponds dried up.",
    },
    "shepherds_grazing_conflicts": {
        "Ariha: gunmen on a motorbike shot a shepherd grazing his sheep in the fields around the electricity transformer station on the town's outskirts.",
        "البوكمال: رعاة في ريف المدينة يشكون من فرض إتاوات على كل رأس غنم يرعى في البادية، ويتحدثون عن خلافات مع مزارعين على الأراضي القريبة من الفرات",
        "Families from al-Salhiya, just outside Shaddadi, are loading their sheep onto trucks and heading north to the Hasakah plain.",
        "Shamarin camp, north of Azaz: a shepherd grazing sheep near the border wall by Bab al-Salama was hit by gunfire from the Turkish side.",
    },
    "internet_cafes_students": {
        "Students in Beit al-Qlih, a village in the Qumseyyeh area near Sheikh Badr, revise in the internet cafe because the village has one line of ADSL, in the cafe.",
        "Small libraries opened across the Kobani district (Ain al-Arab) in Aleppo governorate, from Kobani town to the villages of Sarrin and Shuyukh.",
        "طلاب العائلات التي تسكن قرب صوامع المنصورة في سهل الغاب يدرسون على ضوء إنارة الصوامع، لأن بيوتهم بلا كهرباء منذ أشهر.",
    },
    "bridges_crossings_rivers": {
        "Troops at the army vehicle training ground near Shaqqa closed the track through it that villagers used as a crossing to al-Buthaynah, Sweida countryside.",
        "Hajin, eastern Deir ez-Zor: the three ferries working below the town move about 1,000 passengers a day across the Euphrates, the local council says.",
        "The SDF closed the crossing below Ad Dubb mountain, east of Manbij on the way to the Tishreen dam, after drones struck the area overnight.",
    },
    "rent_housing_prices": {
        "In the Muhasan subdistrict east of Deir ez-Zor, displaced families rent unfinished buildings in villages along the river for 40,000 pounds a room.",
        "A landlord in Kobani (Ain al-Arab), in northern Aleppo governorate, evicted an Arab family from Manbij when prices rose, tenants' association says.",
        "In the Jirud subdistrict of Rural Damascus, displaced families rent unfinished buildings in Jirud town and in al-Nasiriya.",
    },
    "night_curfews_security": {
        "The streets of Hisya and the villages of its nahiya, from Shamsin to Jandar, are empty after dark these days; workers from the industrial city leave on the last bus.",
        "The streets of Jdeidet Artouz are empty after dark these days, residents of the Qatana road say.",
    },
    "machine_translated_en": {
        "The return of the electricity to the village of the Castle of Al-Jandal of the countryside of Damascus western after a cut lasting for a week, area of Qatana",
    },
    # The fifty-seventh and fifty-eighth rounds', after the rules written from their misses (a
    # fixture's venue, a schedule's hours, a town's team, a water unit, goods and referrals in
    # a row): the town a text puts its place near, or that a speaker, a quote or a road names,
    # read instead of it; namesakes chosen by a direction or by size; words of a sentence read
    # as names ("صغيرة", "Hamdan").
    "snow_winter_storms": {
        "Kafr Nasij (Ghabagheb, Dar'a): snowstorm on 2 Feb closed the road to al-Sanamayn; mobile health team unable to reach the village.",
        "Snow closed the mountain road linking al-Qlei'a to Dreikish on Saturday, and the Tartous roads directorate said snowploughs were dispatched to reopen it.",
    },
    "medical_staff_shortages": {
        '"The nurse comes from Manbij on a motorbike when she can," a resident of Dandaniyah told the outlet.',
        '"There is no doctor in Tell Shaeer," a resident of the village near Jarablus said, adding that a mobile team comes once a month.',
        "الزمانية، ناحية النشابية في الغوطة الشرقية: المستوصف بلا طبيب مقيم، ويعتمد على طبيب زائر من دوما.",
    },
    "livestock_theft": {
        "In Zghir Shamiya, on the west bank of the Euphrates near Tabni, locals say cattle stolen at night are ferried across the river into other areas of control.",
        "Malikiyah (Derik) Asayish: on 24 March a complaint was lodged by a herder in Tal Dhahab 2 (Second Tal Elthahab) concerning 14 stolen sheep.",
        "ضبط قطيع أغنام مسروق من بلدة الغندورة بريف جرابلس أثناء محاولة نقله بشاحنة.",
    },
    "bank_atm_salaries": {
        '"Even our name is Antakya, but we have no bank like Antakya," joked Salem, a resident of the village near Tal Hamis.',
        "Farmers in Abu Rubeis, west of Salamiyah, said the lack of a bank in the area forced them to keep savings at home.",
        "Hamdan, a farmer from al-Rashidiyeh in the Tal Hamis countryside, said the village receives money only through traders in Qamishli.",
        "Mushairfa transfer agent | near al-Jurniyah, al-Thawra district, Raqqa | cash pickup only",
    },
    "water_rationing_schedules": {
        "Dumayr water unit: the line feeding the Sayqal airbase housing will be shut Wednesday 8 am–4 pm for valve replacement.",
        "سميكة بريف تلكلخ، صرلنا أسبوعين ما شفنا المي بالحنفية.",
    },
    "firewood_tree_felling": {
        "The shelterbelt of cypress and pine around the al-Zatar cement factory near Manbij has been largely cut by nearby residents for firewood, site observers reported.",
    },
    "poultry_farms_eggs": {
        "A layer farm operating beside the army vehicle training base near Masmiyeh, in northern Daraa, lost about 6,000 hens to suspected Newcastle disease last week, a local veterinarian said.",
    },
    "football_league_matches": {
        "Jubb al-Safa club (east of al-Bab, Kuweires area): our under-18s won the regional cup! Thank you all.",
        "Mabrukiya club, west of Ras al-Ain: the youth cup draw is done – we play Tal Halaf in round one.",
    },
    "hospital_maternity_births": {
        "In Dahiyat al-Majd, a suburb of al-Qusayr, a midwife said the local health centre was only equipped for normal births.",
        "ناعم الجلود (ناحية تل حميس): قرية صغيرة، وتذهب الحوامل إلى القامشلي للولادة القيصرية.",
    },
    "truffle_season_badia": {
        "Pickers from al-Hanou, a tiny village south of Darbasiyah, said they found good quantities of truffles in the open land toward Tal Tamr this March.",
    },
    "school_rehabilitation": {
        "Abu al-Masha'ib school | Tall Kalakh | roof repair, latrines",
        "Al-Rabia, a village just north of Hama city, saw its school rehabilitated at a cost of 45 million pounds, the governorate said.",
    },
    "pistachio_harvest": {
        "أم الماعز جنوب الحسكة: زرعنا لوز من خمس سنين، هالسنة أول مرة نقطف 🙏",
        '"We are twenty minutes from Damascus and still nobody buys our figs at a fair price," said Abu Wael, a grower in Khirbet al-Shiyab near al-Kiswah.',
    },
    "irrigation_canals": {
        "Olive and vegetable growers in Afrin city's outskirts say the Maidanki dam released less water this summer than promised, leaving canals below the town half empty.",
        "شبكة جويبات – بانياس – تعمل",
        "مصرف دير سنبل – الغاب (قلعة المضيق) – تعزيل 2023",
    },
    "kidney_dialysis_patients": {
        "Displaced families sheltering at the old Mushayrifa railway station near al-Mansoura, west of Raqqa, include at least three kidney patients who have gone weeks without dialysis.",
        "In Hawayes Umm Jern, a small village east of Hama city, the assessment identified 2 elderly dialysis patients without regular transport.",
        "يا جماعة أهل برقوم، في حدا رايح ع حلب بكرا الصبح؟ بدنا نوصل مريض كلى لجلسة الغسيل.",
    },
    # The fifty-ninth and sixtieth rounds', after the rules written from their misses (a team's
    # log line, a clock time first, a council's decision on another village, rivers, a post's
    # greeting or prayer): a town a text names beside its place, or the speaker's, read instead of
    # it; namesakes chosen by a direction or a container; words of a sentence read as names.
    "covid_cases_2020": {
        "Afrin region update: first confirmed case in Burj Haydar village, Afrin countryside near Nubl; patient is a 40-year-old man who returned from Aleppo.",
    },
    "drowning_rivers_summer": {
        "كورة - قلعة المضيق / قناة الغاب",
    },
    "primitive_oil_refineries": {
        "Sanaa al-Hamam, northern Daraa countryside: the monitor logged a fuel-smuggling route through the village supplying sellers in al-Sanamayn.",
        "الجابرية شرق حمص قرب عين النسر، شي مستودع مازوت عم يحترق هلق، الدخان واصل لعنا",
    },
    "citrus_coast_harvest": {
        "Orange farmers in Jisr al-Shughour say buyers from Idlib and Sarmada are paying only 4 lira a kilo at the grove, while pesticide and irrigation costs have doubled.",
        "مزارعون من الفاخورة بريف القنيطرة يزرعون البندورة تحت البلاستيك للمرة الأولى بدعم من وزارة الزراعة.",
    },
    "vineyards_grapes_raisins": {
        'In Ain al-Baida, a small hamlet near Kansaba in the Haffeh mountains, grower Jamil said fires in 2016 burned his vines. "I replanted thirty, that\'s all I could afford."',
    },
    "dairy_milk_cheese": {
        "Farmers at Khirbat al-Ghazal near Amuda say they sell their milk to traders from Qamishli at 1,700 pounds a litre.",
        "Farmers in al-Thawra (Khirbet al-Mardasiya) in the Jableh countryside are calling for a milk collection point so they do not have to travel to the city.",
        "السعيدية بريف منبج، في حدا بدو يشاركني بفتح معمل جبنة صغير؟",
        "قرية جب الصفا بريف الكسوة جنوب دمشق تضم عشرات مزارع الأبقار التي تمد العاصمة بالحليب.",
    },
    "mukhtars_appointments": {
        "Burdaqli mukhtar says 120 new families arrived this month in the village near Atmeh.",
        "Hill 1154 area, Kinsibba",
        "منطقة سد أراك – تدمر",
    },
    "gold_shops_robberies": {
        "Raju, Afrin countryside, 27 Jan 2023: masked men stole gold and cash from a house in Siwan Saghir / Jaqmaq Saghir. Two residents injured.",
        "Shaddadi district, 28 Aug 2022: armed robbery at a home in Umm Hujeira, northeast of al-Shaddadi. Stolen: 130 g gold, USD 2,000. No injuries reported.",
    },
    "master_plans_zoning": {
        "المجلس المحلي في الراعي: يمنع البناء العشوائي على سفوح جبل قلقوم وتعتبر المنطقة خارج حدود التوسع السكني.",
        "جناة أبو جدحة جنوب منبج، يا ريت المجلس يعمل مخطط تنظيمي قبل ما تصير الضيعة فوضى",
        "كفرلاها بوادي العيون (مصياف) وليست كفرلاها الحولة، المخطط تبعنا عالق بالمحافظة من سنتين",
    },
    "friday_sermons_imams": {
        "The mosque in Dhaman, near Busayra in the Deir ez-Zor countryside, hosted religious lessons for 40 boys during the summer break.",
        "السعيدية بريف منبج.. اليوم الجامع كان مليان، الشيخ حكى عن حقوق الجار والله كلامه دخل القلب",
        "مسجد القنية – الصنمين، درعا",
    },
    "textile_workshops_workers": {
        "Mu'ayzila, north-east of Raqqa city: three families have opened home weaving workshops producing rugs for sale in Raqqa's markets.",
    },
    "weekly_markets_bazaars": {
        '"Berkefri has no market, we go to Derbasiyeh on Saturdays," said Dilovan, a young farmer from the hamlet, "but a van comes here every Wednesday."',
        'In Tlelin, south-east of Salkhad, vendor Wafa said the weekly market mostly sells goat cheese and dried apricots. "Everything else comes from Sweida," she said.',
        "Msibin, west of Ariha, had its Monday market after two weeks of closure, with vendors selling olives and olive oil.",
    },
    # The sixty-first and sixty-second rounds', after the rules written from their misses (a post's
    # countryside without its preposition, a victim's line, a theft notice, a log's cells, a
    # timeline's date, the people a place took in): a town a text names beside its place read
    # instead of it, namesakes chosen by a direction or a container, words read as names.
    "aleppo_siege_2016": {
        "Clashes continue around Ain al-Jawz near Slanfeh, in the northern Lattakia countryside, with helicopters dropping barrel bombs.",
        "Looking back on December 2016: in al-Uqayba, in old Damascus near Souq Saruja, neighbours gathered around a single radio to follow news from Aleppo.",
        "The bodies of three NDF members from al-Zaineh village, near Masyaf, arrived home today after they were killed in clashes in eastern Aleppo.",
        "بحي الحرية بالسويداء استأجرنا بيت صغير بعد ما طلعنا من حلب، والجيران كانوا كتير منيحين معنا.",
        "يا حسرتي على الحسرات، ضيعتي جنب البوكمال، ما رجعتلها من 2017.",
    },
    "eastern_ghouta_2018": {
        "المحمودلي كانت هادية، بس لما انضرب سد الفرات خفنا يفيض الماء وهربنا كلنا عالبادية.",
    },
    "raqqa_battle_2017": {
        "Al-Jebli village, Sabkha SD",
        "The bodies of two villagers were recovered from a collapsed house in Tellik, west of Sarin in the Kobani countryside, months after ISIS was pushed out of the area.",
        "Umm Khabra, west of Markada in southern Hasakeh: a herder was reportedly killed by a mine left behind by ISIS, March 2018.",
        "Umm al-Amad, east of al-Bab: local sources reported 2 civilians killed in an alleged Coalition strike on a farmhouse, February 2017.",
    },
    "baghuz_last_pocket_2019": {
        "In al-Rawda, near Banias, I met the father of a soldier whose body was found in a mass grave near Raqqa, 900 kilometres away.",
        "Jubb Qahwa, Khafsa sub-district east of Manbij: shooting at a checkpoint of the Manbij Military Council; one guard killed.",
        "الرضيمة (شهبا) بتتذكر مجزرة تموز وبتطالب بالمخطوفين",
        "بجدالة جنوب الشدادي: قسد تعتقل متهماً بتهريب عوائل التنظيم من مخيم الهول.",
    },
    "peace_spring_2019": {
        "In Aleppo, families displaced from Afrin in 2018 reported that relatives who stayed behind were pressured to pay 'fees' to the factions occupying their houses.",
        "أضرار في قرية بريجة شرقي السفيرة، جراء قصف مدفعي على محيط مطار كويرس.",
    },
    "idlib_displacement_2020": {
        "Crossing point: Sibahi poultry farms (Madajin) checkpoint, Souran, Hama | Families passing: 40 | Direction: south",
        "تل غزال (عين العرب) → صرين | ٢٩ أسرة",
        "زبيدة (دير حافر) → منبج | ٩ أسر",
        "فرحانية (عين عيسى) → الرقة | ١٦ عائلة",
        "نحنا ٣٠ عيلة ساكنين بمخيم الطلائع بالرقة من شهرين، الخيم مهترئة والمطر دخل علينا",
    },
    "cholera_2022": {
        "Local activists said a cholera treatment point was opened in Bureiha, next to al-Busayrah, where 20 cases were recorded within days.",
    },
    "iranian_militias_deir": {
        "A convoy of Iran-backed militias passed through Shaban, near Sarrin south of Kobani, heading toward the Tishrin dam front, monitors reported.",
        "Monitors said militiamen from Nubl and al-Zahraa, backed by Iran, have set up a post in Jubayla village in the Jebel Saman countryside of Aleppo.",
        "معرتمصرين الآن: صوت انفجارات بعيدة، قالوا قصف من مواقع الميليشيات على جبهة سراقب",
    },
    "sdf_coalition_raids": {
        "الحسينية قرب زاكية بريف الشام الغربي: مداهمة وحرق بيت المطلوب، حرام والله",
    },
    "border_gendarmerie_shootings": {
        "Tal al-Faras (Tall al-Faras), Bir al-Helu al-Wardiya area south of Qamishli — monitors recorded a teenager from the village among three people shot by the Jandarma near Amuda in June 2022.",
        "The organisation recorded a young man from Jdeideh near Qadmous, in the Anaza area of Tartus countryside, killed on 5 October 2021 by the Turkish gendarmerie while crossing with six others.",
    },
    "child_labour_streets": {
        "Children from surrounding villages were observed fishing and cutting reeds at the Abu Qilla dam reservoir in Jubb al-Jarrah, east of Homs.",
    },
    "mobile_clinics_outreach": {
        "In the Hurriya / Muhafaza area of Hama city, the outreach team distributed 200 family hygiene kits.",
        "Umm Hujaira, south of Shaddadi — monthly MHT stop, last Thursday of the month.",
    },
    "local_radio_fm": {
        "Dadat, north of Manbij on the Sajur line: two civilians hurt in shelling at dawn, reports our man in Manbij, Ahmad Haj Ali.",
        "Umm Kharza in the Manbij countryside — irrigation pump station back up.",
        "ألو، معك من الخفسة، المحطة عم تضخ ساعتين بس باليوم.",
    },
    "cotton_harvest_gins": {
        "معصران جنوب المعرة: التاجر عم يدفع دولار ونص بالكيلو.. بيعو ولا نستنى؟",
    },
    # the sixty-third and sixty-fourth rounds' confidently wrong rows, as they stand after
    # their rules: each a namesake its writer did not tell apart, a direction its writer gave
    # wrongly, or a place the text names beside the one meant (a prison, a dam, a town seen
    # from)
    "acled_notes_en": {
        "On 19 April 2016, ISIS and opposition factions clashed around Hiwar Kilis on the Turkish border (Suran, Azaz, Aleppo). 7 fatalities.",
    },
    "airwars_victim_names": {
        "العجمي - ناحية عريمة - ريف الباب",
    },
    "arabic_news_tickers": {
        "#Sukhnah | Al-Hail gas station attacked by IS",
        "JUST IN: Jibreen, northeast of Hama – explosion at farm",
        "عاجل | الناصرية بريف عين عيسى: نزوح نحو 30 عائلة باتجاه الرقة",
    },
    "eastern_aleppo_front_2025": {
        "Airstrike reported overnight on the former Hezbollah installation dubbed the 'Zamzam project' nuclear research site near al-Qusayr, close to Wadi Hanna in the Homs countryside.",
        "الشلال تحت القصف من امبارح، طلعنا على الرقة بالسيارة، ١٥٠ ألف أجرة الطريق",
    },
    "mixed_script_strings": {
        "Al-Shara - الشارة - west of Hasakeh, 25 ppl",
        "Al-Thawra / al-Joura - الثورة_الجورة - Deir ez-Zor city",
    },
    "sednaya_released_2024": {
        "أهالي الكالطة شمالي الرقة يستقبلون ثلاثة من أبنائهم المعتقلين المحررين من سجن صيدنايا، بينما أُبلغت عائلة رابع بوفاته داخل السجن عام 2015.",
    },
    "snhr_monthly_massacre_rows": {
        "10/6/2016 | al-Sa'idiya, Manbij countryside, Aleppo | International Coalition | 5 | 2 | 1",
    },
    "sohr_evening_roundups": {
        "Body of a young man found shot in Mu'ayzila village, east of al-Tabqa in the Mansoura countryside.",
    },
    "survey_responses_kobo": {
        "DEZ/Abu Kamal/Hajin SD/ al-Shaitat (Kishkiyeh-Gharanij area) - RET 2019",
        "HMS / Homs SD / Tal al-Naqa vill.",
    },
    "un_coi_paragraphs": {
        "Rmeilan oil fields, al-Malikiyah district | Al-Hasakeh | 22/11/2022 | Turkish air strike on oil facilities",
    },
    "unicef_child_casualties": {
        "UNICEF confirms that a girl aged 8 was killed and two boys injured when artillery shells hit Jamiat al-Arman near al-Atareb on 21 November.",
        "تلميذي من الظاهرية (جنب أريحا) انصاب بقنبلة عنقودية وهو راجع من المدرسة. ادعوله يقوم بالسلامة",
    },
    # Round sixty-five, as the rules left them: a namesake taken by direction (Safsafa north
    # of Tartous as Sifsafiyeh), a hill's nearby village at precision 1, a table's first cell
    # read inside the second ("Abu Ruwayl | Tall ad-Daman"), "منطقة الثورة" read as the city
    # (a quarter Mansour), landmarks placed at their town at precision 1 (silos, a school, a
    # sugar factory), "المدرسة" (the school) as the village Madrasa, "Aqrab" spelled as
    # Kharab, a hamlet's namesake 8 km off, a ticker's tag over its post's village, a camp
    # named like a quarter of another city
    "former_officers_arrests_2025": {
        "Security forces on Thursday arrested a former NDF commander in Safsafa, north of Tartous city, accused of running a kidnapping ring during the war.",
        "Security forces said they arrested members of a former regime remnants cell hiding on Tal Fikhah hill near Tadef, east of al-Bab, and seized weapons.",
    },
    "inso_security_logs": {
        "Abu Ruwayl | Tall ad-Daman | S Aleppo",
    },
    "hno_subdistrict_profiles": {
        "المنصورة (منطقة الثورة، الرقة) - بلدة كبيرة حوالي 17 ألف، في فرن وحيد والعالم بتوقف بالدور من الصبح.",
        "صوامع الحبوب - تدمر",
    },
    "school_directory_rows": {
        "Maasaret Jaq School (al-Maasara), Maabatli, Afrin – light damage, 1 shift, 95 students",
        "Maskanah sugar factory compound (IDP shelter classrooms), Maskanah, east Aleppo countryside",
        "مدرسة عبد الحميد الزهراوي – مدينة حمص – عاملة، دوامان",
    },
    "transitional_justice_2025": {
        "بكفر كرمين، غربي حلب، اعتقلوا ابني وهو راجع من المدرسة.",
    },
    "sdf_handover_2025": {
        "Aqrab, in the Houla plain, received 9 men released in the prisoner exchange between Damascus and the SDF on Saturday.",
        "Kuchuk Koy, a hamlet west of Manbij, was the Manbij Military Council's most westerly post before January's clashes.",
        "رجعت عديرصوان بعد 7 سنين، البيت مكسر بس الزيتون لسا واقف 😢 #عفرين",
    },
    "battle_article_prose": {
        "معسكر الطلائع بإدلب صار مقر للفصائل، والله ما بعرف شو بقي منو",
    },
    # the sixty-sixth round's: a line's first clause read for a place another clause names (a
    # drone over one airstrip named as another base; a ride to Damascus asked from a village),
    # namesakes beside the town the text names (Hilo by Shaddadi, Mushayrifah west of
    # Hasakah), a spoken bracket naming a namesake's unit, a ticker's tag over the post's
    # village, a village called by a neighbour's alias
    "rural_damascus_qalamoun": {
        "Drones were spotted over the east Sayqal airstrip in the desert east of Damascus, a war monitor reported on Monday.",
        "ريمة قرب قطنا حدا رايح عالشام بكرا الصبح؟ بدي توصيلة",
    },
    "hasakah_khabur_jazira": {
        "Al-Helu village, north-west of Şedadê",
        "Al-Mushayrifa village, west of Hesekê city on the Til Temir road",
        "خزنة شمال شرق تل تمر (تبع ناحية الدرباسية) مو الخزنة اللي جنوب تل تمر، ضرب التركي حوالينا اليوم العصر",
    },
    "homs_countryside_news": {
        "رجعنا عالبويضة الغربية بعد ١٠ سنين، البيت مدمر بس الحمد لله رجعنا 🤍 #القصير",
    },
    "latakia_tartous_mountains": {
        "الزيادية بريف جبلة عم تغرق بالعتمة، ٤ ساعات كهربا باليوم إذا حالفنا الحظ",
    },
    # "البادية - السخنة" (the desert, Sokhneh) is the town once bare "البادية" reads as the
    # desert (sixty-seventh round); its writer's answer is the sub-district, 30 km away
    "incident_cells_ar": {
        "البادية - السخنة",
    },
    # the sixty-seventh round's: near-namesakes a few km apart chosen by the parse's spelling
    # (Breiha and Burayhah, Albu Badran's school), a council's village named loosely, a
    # mass grave near a village spelled like another, families displaced to a second town,
    # a village named in two scripts whose namesake the second names
    "deir_ezzor_euphrates_banks": {
        "A mass grave containing at least 23 bodies was found near Udhman, in the desert north-east of Deir ez-Zor, civil defence teams said.",
        "Monitor sources: explosion near the school of Albubadran, close to al-Baghouz, Albukamal countryside.",
        "SOHR: unknown gunmen shot dead a tribal notable in Buraiha, near al-Busayrah.",
        "The Kishkiyah council, in the Shaitat area east of the Euphrates near Hajin, began distributing fuel for winter heating.",
        "الكشكية جنب تشرين بريف العشارة، الميليشيات ماخذة بيوت الناس",
        "بريهة (قرب ماشخ) - البصيرة",
    },
    "idleb_countryside_posts": {
        "Mardaghana and Burtuqala, two small villages north-east of Sinjar, were emptied of residents as the front moved closer.",
    },
    "damascus_quarters_and_suburbs": {
        "Farmland known as Ard Gharbi al-Suwaydah, near al-Nashabiyah in the eastern Ghouta, caught fire on Sunday afternoon.",
        "وصلت قافلة مساعدات أممية إلى بلدة السبع بيار في البادية الشرقية لريف دمشق، محملة بسلال غذائية لنحو 400 عائلة.",
    },
    "aleppo_north_countryside": {
        "Al-Mazraa hamlet near Maskanah, east of Deir Hafer, was shelled by regime forces positioned along the Euphrates, Kurdish sources said.",
        "Families from Afrin displaced to Nubl have complained of high rents, with a single room now costing 400,000 SYP a month.",
    },
    "relief_requests_whatsapp": {
        "كسرة بريف رأس العين – Kasra village, 6 families displaced, need tents",
    },
    # The sixty-eighth round's, as its sets first read and after its rules: a village's health
    # committee that 'reported a case' (the lower-case 'case' spells Qasa, 331 km off; read as a
    # source, the village goes with it); Kurdish 'Asayîş' before the Salhiya south of Qamishli (the
    # namesake inside As Salihiyah is taken); a village and the sub-district named like it (Bir
    # Helu); 'الزيدية شمالي الحسكة' and 'As-Sahel, An Nabk', two namesakes a few km apart (the
    # one listed first is taken); '#الضمير' after a mountain's smoke (the tag's town is read);
    # 'معمل الفلين - دوما' (the cork factory is no listed name in Arabic: Duma, 5.1 km off);
    # a base 'outside the town' of Rabiaa (the town); a post's heading before someone driving
    # down to Lattakia; 'Aqrab, Houla countryside' (Kharab, in the Houla, over Aqrab of Hama);
    # 'مزيريب تبع المالكية (ديريك)' (Derik's name in brackets is read).
    "hasakeh_qamishli_malikiyah": {
        "Asayîş arrested a suspect in the killing of a farmer in Salihiyê (al-Salhiya), south of Qamişlo.",
        "Qulan Tahtani reported a case of cholera on 12 September, the health committee said.",
        "أعلنت لجنة الزراعة عن توزيع بذار القطن على مزارعي قرية الزيدية شمالي الحسكة.",
        "الخازوق (تل خازوق) - بئر الحلو",
        "تسلمت قرية بئر حلو في ريف ناحية بئر الحلو الوردية جنوبي القامشلي مولدة كهربائية جديدة.",
    },
    "rural_damascus_ghouta_barada": {
        "As-Sahel, An Nabk, Rural Damascus",
        "شفنا دخان طالع من جبل مكحول من الصبح، حدا بيعرف شو صاير؟ #الضمير",
        "معمل الفلين - دوما",
    },
    "lattakia_jableh_tartous_plains": {
        "Villagers near Rabiaa reported looting at the former electronic warfare battalion base outside the town, where cables and generators were stripped after the army withdrew in December.",
        "كنيسات حد المزيرعة (الحفة): في حدا نازل ع اللاذقية بكرا الصبح؟ بدي توصيلة",
    },
    "diaspora_memories_posts": {
        "Aqrab, Houla countryside north-west of Homs... officially Hama governorate, Harbanifse area. Our olive grove sat on the hill facing Taldou.",
        "حدا من مزيريب تبع المالكية (ديريك)؟ مو مزيريب درعا! ضيعة صغيرة بريف الحسكة، بدي اعرف عن بيت جدي",
    },
    # the sixty-ninth round's
    "deir_ezzor_city_and_jazira": {
        "Daman, Basira subdistrict",
        "Point 1 hill, Muhasan, Deir-ez-Zor",
    },
    "raqqa_city_tal_abyad": {
        "معسكر الطلائع جنوب غرب الرقة صار مقر عسكري، ممنوع حدا يقرب",
    },
    "aleppo_east_bab_manbij": {
        "A Kurdish family from Sheikh Maqsoud moved to Karm al-Jazmati neighbourhood in Halep after their house collapsed.",
    },
    "daraa_lajat_sanamayn_villages": {
        "A man was found dead on the road between Namer and Qarfa, near Sheikh Miskin, with gunshot wounds to the head, a local network said.",
    },
    "fundraising_appeals": {
        "Al-Daliyeh, Jableh mountains: the medical point now has a doctor 3 days a week.",
    },
}

# Each set's floor on every fifth row (the rows `make test` reads; see EVERY_ROW): its score
# on those rows less two points, printed by `benchmarks/geocode_devsets.py --test-floors`
TEST_FLOORS = {
    "news_en": 94,
    "news_ar": 98,
    "ngo_en": 98,
    "table_columns": 95,
    "report_phrases": 98,
    "incident_db_ar": 96,
    "incident_db_en": 95,
    "casualty_reports_en": 98,
    "local_media_ar": 94,
    "bare_names_ar": 93,
    "wire_news_en": 94,
    "kurdish_turkish_en": 90,
    "field_notes_en": 95,
    "local_posts_ar": 95,
    "incident_cells_ar": 89,
    "incident_cells_en": 93,
    "city_quarters": 96,
    "namesakes_ar_en": 93,
    "translit_en": 95,
    "translit_ar": 88,
    "features_in_towns": 86,
    "pdf_cells": 93,
    "typos_cells": 83,
    "relative_places": 94,
    "sites_en_ar": 86,
    "bilingual_cells": 96,
    "context_cells": 94,
    "clerk_columns_ar": 96,
    "strike_logs_en": 98,
    "humanitarian_en": 96,
    "social_posts_mixed": 98,
    "monitors_fronts": 96,
    "regions_en_ar": 93,
    "pdf_extract_ar": 86,
    "kurdish_names_ar": 93,
    "un_rights_en": 98,
    "heritage_sites": 74,
    "airwars_geoloc_en": 98,
    "landmarks_en": 82,
    "landmarks_ar": 75,
    "bilingual_locations": 96,
    "document_governorates": 86,
    "sites_in_arabic": 76,
    "small_places": 89,
    "weighted_places": 88,
    "news_sentences": 86,
    "db_cells_ar": 98,
    "village_news_en": 91,
    "event_notes_en": 94,
    "village_reports_ar": 93,
    "victims_records": 94,
    "testimonies": 96,
    "arrests_detention": 94,
    "video_titles": 98,
    "civil_defence_posts": 96,
    "eastern_news": 86,
    "humanitarian_ar": 94,
    "state_media": 89,
    "market_monitoring": 91,
    "facility_lists": 94,
    "encyclopedia_leads": 96,
    "military_statements": 91,
    "earthquake_2023": 94,
    "db_location_fields": 98,
    "court_documents": 96,
    "refugee_intake": 93,
    "mine_action": 93,
    "disaster_news": 91,
    "official_decrees": 96,
    "crime_reports": 96,
    "property_records": 98,
    "academic_studies": 98,
    "agriculture_reports": 94,
    "diaspora_memoirs": 88,
    "weather_bulletins": 98,
    "sports_culture": 98,
    "obituary_notices": 94,
    "vacancy_postings": 89,
    "health_bulletins": 98,
    "education_news": 86,
    "religious_community": 93,
    "service_outages": 93,
    "traffic_accidents": 94,
    "telegram_alerts": 94,
    "environment_reports": 93,
    "travel_writing": 79,
    "protests_2011": 94,
    "civil_registry": 96,
    "damage_assessments": 94,
    "tenders_contracts": 93,
    "election_candidates": 93,
    "history_writing": 91,
    "missing_persons": 96,
    "checkpoints_crossings": 94,
    "census_statistics": 96,
    "business_addresses": 96,
    "real_estate_ads": 94,
    "food_crafts": 88,
    "tribes_genealogy": 71,
    "literary_prose": 86,
    "dialect_voice_notes": 94,
    "french_news": 94,
    "turkish_news": 81,
    "kurdish_latin_news": 83,
    "camps_idp_sites": 98,
    "militant_claims": 93,
    "aid_convoys": 84,
    "imagery_analysis": 98,
    "broadcast_monitoring": 88,
    "machine_translated_en": 96,
    "german_news": 91,
    "interview_transcripts_en": 88,
    "timeline_chronology": 89,
    "russian_reconciliation_en": 93,
    "lost_found_ar": 84,
    "sms_early_warning": 88,
    "asylum_decisions_en": 94,
    "geography_textbook_ar": 93,
    "sohr_daily_en": 89,
    "snhr_daily_ar": 88,
    "vdc_records": 91,
    "photo_captions": 93,
    "event_names": 73,
    "opcw_investigations": 93,
    "spanish_italian_news": 89,
    "local_councils": 96,
    "north_press_en": 83,
    "enab_direct_en": 91,
    "local_news_ar": 91,
    "incident_strings_ar": 94,
    "incident_strings_en": 89,
    "airwars_summaries_en": 88,
    "health_attacks_en": 84,
    "hrw_amnesty_ar": 86,
    "sohr_daily_ar": 89,
    "ocha_flash_en": 86,
    "report_footnotes_en": 91,
    "mass_graves": 98,
    "aanes_admin_terms": 84,
    "fact_checks": 88,
    "map_labels": 89,
    "sources_quoted_ar": 93,
    "movement_tracking": 86,
    "fired_from_to": 86,
    "roads_between": 79,
    "hospital_referrals": 91,
    "water_stations": 86,
    "osint_threads_en": 78,
    "fronts_axes_ar": 86,
    "returnee_reports": 93,
    "assassinations_south": 88,
    "israeli_strikes": 91,
    "isis_badia_attacks": 88,
    "tribal_clashes_east": 89,
    "smuggling_borders": 79,
    "wildfires_forests": 89,
    "kidnapping_reports": 88,
    "prisoner_release_lists": 94,
    "turkish_drone_strikes": 84,
    "car_bombs_north": 91,
    "bakeries_bread": 89,
    "disease_outbreaks": 89,
    "journalist_safety": 91,
    "antiquities_looting": 84,
    "bus_routes_transport": 84,
    "universal_jurisdiction_trials": 88,
    "captagon_seizures": 88,
    "child_recruitment_caac": 91,
    "reconstruction_projects": 93,
    "feuds_gunfire": 88,
    "fuel_gas_distribution": 84,
    "conscription_raids": 84,
    "afrin_violations": 84,
    "women_protection_services": 93,
    "sweida_protests": 86,
    "security_campaigns_2025": 93,
    "lebanon_displacement_2024": 91,
    "quneitra_incursions": 89,
    "roads_bridges_damage": 89,
    "water_trucking": 89,
    "sniper_shootings": 93,
    "crop_pests_harvest": 93,
    "mosques_churches_damage": 89,
    "electricity_lines": 93,
    "idp_camp_fires_floods": 86,
    "court_rulings_local": 91,
    "cultural_festivals": 88,
    "livestock_disease_vets": 94,
    "unexploded_ordnance_kids": 89,
    "municipal_services_waste": 84,
    "barrel_bombs_history": 96,
    "sieges_starvation": 84,
    "idlib_artillery_front": 89,
    "coalition_drone_strikes": 86,
    "defections_2012": 94,
    "building_collapses_gas": 91,
    "tribal_reconciliation_sulh": 78,
    "salvation_govt_decisions": 93,
    "isis_executions_2014": 86,
    "aleppo_quarters_shelling_2013": 86,
    "funerals_mourning": 88,
    "detainee_deaths_origin": 83,
    "russian_airstrikes_2015": 83,
    "celebratory_gunfire_weddings": 88,
    "hts_arrests_idlib": 88,
    "returns_after_2024": 91,
    "olive_presses_season": 89,
    "river_floods_dams": 86,
    "pharmacy_medicine_shortage": 86,
    "checkpoint_royalties": 86,
    "hunting_wildlife": 83,
    "teachers_strikes_salaries": 88,
    "smart_card_bread": 91,
    "beekeeping_honey": 88,
    "land_auctions_seizures": 91,
    "vaccination_campaigns": 91,
    "livestock_markets_prices": 84,
    "quarries_brick_kilns": 88,
    "house_demolitions": 93,
    "solar_energy": 83,
    "ramadan_charity": 84,
    "wells_drought": 93,
    "generators_ampere": 93,
    "school_exams": 81,
    "telecom_internet": 91,
    "cemeteries_burials": 86,
    "fishing_rivers_lakes": 84,
    "tobacco_farms": 83,
    "bites_stings_rabies": 84,
    "women_cooperatives": 93,
    "cable_theft_streetlights": 88,
    "grain_silos_wheat": 91,
    "water_pollution_sewage": 89,
    "scrap_metal_recycling": 96,
    "youth_emigration": 86,
    "frost_orchards": 83,
    "wedding_dowry_costs": 91,
    "shop_fires_markets": 89,
    "bread_flour_mills": 88,
    "stray_dogs_animals": 89,
    "car_workshops_fuel_smuggling": 94,
    "orphanages_child_care": 94,
    "rain_roads_mud": 91,
    "archaeology_excavations": 94,
    "land_mines_farmers": 94,
    "municipal_elections_councils": 89,
    "ambulance_referrals": 91,
    "property_disputes_courts": 86,
    "dust_storms_heat": 91,
    "shepherds_grazing_conflicts": 91,
    "internet_cafes_students": 83,
    "bridges_crossings_rivers": 86,
    "rent_housing_prices": 88,
    "night_curfews_security": 93,
    "snow_winter_storms": 89,
    "medical_staff_shortages": 83,
    "livestock_theft": 91,
    "bank_atm_salaries": 81,
    "water_rationing_schedules": 96,
    "firewood_tree_felling": 88,
    "poultry_farms_eggs": 93,
    "football_league_matches": 88,
    "hospital_maternity_births": 91,
    "truffle_season_badia": 89,
    "school_rehabilitation": 86,
    "cotton_harvest_gins": 86,
    "pistachio_harvest": 78,
    "irrigation_canals": 91,
    "awqaf_endowments": 91,
    "kidney_dialysis_patients": 88,
    "covid_cases_2020": 93,
    "drowning_rivers_summer": 81,
    "heater_fires_winter": 88,
    "primitive_oil_refineries": 84,
    "ammunition_depot_blasts": 93,
    "citrus_coast_harvest": 93,
    "vineyards_grapes_raisins": 81,
    "dairy_milk_cheese": 86,
    "mukhtars_appointments": 84,
    "motorcycle_bans_accidents": 91,
    "gold_shops_robberies": 86,
    "master_plans_zoning": 89,
    "road_paving_asphalt": 91,
    "friday_sermons_imams": 88,
    "textile_workshops_workers": 89,
    "weekly_markets_bazaars": 86,
    "aleppo_siege_2016": 88,
    "eastern_ghouta_2018": 84,
    "daraa_offensive_2018": 91,
    "raqqa_battle_2017": 89,
    "baghuz_last_pocket_2019": 81,
    "peace_spring_2019": 88,
    "idlib_displacement_2020": 81,
    "cholera_2022": 91,
    "iranian_militias_deir": 91,
    "sdf_coalition_raids": 93,
    "border_gendarmerie_shootings": 81,
    "ied_roadside_bombs": 91,
    "child_labour_streets": 73,
    "mobile_clinics_outreach": 94,
    "local_radio_fm": 83,
    "vehicle_thefts": 88,
    "coastal_violence_2025": 93,
    "sweida_clashes_2025": 94,
    "acled_notes_en": 93,
    "airwars_victim_names": 96,
    "sednaya_released_2024": 79,
    "unicef_child_casualties": 94,
    "wfp_distribution_points": 88,
    "mixed_script_strings": 93,
    "snhr_monthly_massacre_rows": 89,
    "returnees_looted_homes_2025": 88,
    "eastern_aleppo_front_2025": 94,
    "sohr_evening_roundups": 89,
    "un_coi_paragraphs": 91,
    "arabic_news_tickers": 88,
    "martyr_posters_captions": 89,
    "survey_responses_kobo": 89,
    "former_officers_arrests_2025": 93,
    "wire_datelines_2025": 88,
    "inso_security_logs": 83,
    "hno_subdistrict_profiles": 81,
    "school_directory_rows": 86,
    "transitional_justice_2025": 91,
    "sdf_handover_2025": 91,
    "battle_article_prose": 88,
    "hama_ghab_countryside": 88,
    "rural_damascus_qalamoun": 88,
    "hasakah_khabur_jazira": 91,
    "homs_countryside_news": 86,
    "latakia_tartous_mountains": 93,
    "aleppo_idleb_villages": 88,
    "search_box_queries": 86,
    "south_daraa_sweida_quneitra": 89,
    "deir_ezzor_euphrates_banks": 89,
    "raqqa_tabqa_countryside": 91,
    "idleb_countryside_posts": 94,
    "damascus_quarters_and_suburbs": 86,
    "bare_db_cells_with_gov": 94,
    "aleppo_north_countryside": 88,
    "relief_requests_whatsapp": 91,
    "witness_statements_en": 89,
    "hama_east_salamiyah_countryside": 93,
    "aleppo_west_south_countryside": 84,
    "hasakeh_qamishli_malikiyah": 81,
    "homs_city_and_north": 88,
    "rural_damascus_ghouta_barada": 89,
    "lattakia_jableh_tartous_plains": 94,
    "ngo_distribution_tables": 93,
    "diaspora_memories_posts": 89,
    "deir_ezzor_city_and_jazira": 84,
    "idleb_jisr_ariha_harem": 93,
    "raqqa_city_tal_abyad": 94,
    "aleppo_east_bab_manbij": 93,
    "daraa_lajat_sanamayn_villages": 94,
    "sweida_quneitra_villages": 88,
    "ocr_scanned_lists": 81,
    "fundraising_appeals": 84,
}


# The rows a test run reads: every fifth row of each set, against its floor there
# (TEST_FLOORS, printed by `benchmarks/geocode_devsets.py --test-floors`: the set's score
# on those rows less two points, a row of slack), so that `make test` keeps under its 15
# minutes as rounds add sets; `make bench` runs this file with SYRIA_GEO_DEVSETS=all, every
# row against FLOORS. The confidently wrong rows read must be known ones either way.
EVERY_ROW = os.environ.get("SYRIA_GEO_DEVSETS") == "all"


@pytest.mark.parametrize(("name", "floor"), sorted(FLOORS.items()))
def test_a_development_set_keeps_its_floor(name: str, floor: float) -> None:
    every = 1 if EVERY_ROW else devsets.TEST_STEP
    out = devsets.score(name, every=every)
    assert len(out) >= 250 // every
    assert out["geo_status"].isin(["matched", "ambiguous", "unmatched"]).all()  # (no error)
    assert 100 * out["within_5km"].mean() >= (floor if EVERY_ROW else TEST_FLOORS[name])
    wrong = set(out.loc[out["confidently_wrong"], "text"])
    assert wrong <= KNOWN_WRONG.get(name, set()), sorted(wrong)


def test_an_unknown_set_is_refused_with_the_valid_names() -> None:
    with pytest.raises(SystemExit):
        devsets.main(["no_such_set"])


def test_each_set_has_its_floor_on_the_rows_a_test_run_reads() -> None:
    assert set(TEST_FLOORS) == set(FLOORS) == set(devsets.SETS)
