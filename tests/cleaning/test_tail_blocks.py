"""The bottom of pages saved one element per line: a comment thread and its form as blocks, a
tag list under its label. Documents written for these tests in the shapes of real pages; each
test fails on the cleaner before these mechanisms."""

from __future__ import annotations

from corpusprep import clean
from corpusprep.rules.compile import default_rules

from ..helpers.pages import LAST, MORE, PROSE, page


def test_a_comment_thread_saved_as_one_block_goes_with_its_form():
    thread = "\n".join(("Paddy Moran says:", "March 14, 2023 at 6:12 pm",
                        "Great news at last. My father was talking about a bridge there forty years ago.", "Reply",
                        "Siobhan Kelly says:", "March 14, 2023 at 8:47 pm",
                        "Any word on whether it will be wheelchair accessible? The approach from the mill road is steep.", "Reply"))
    form = "\n".join(("Leave a Reply Cancel reply", "Your email address will not be published. Required fields are marked *",
                      "Comment *", "Name *", "Email *", "Website", "Post Comment", "Proudly powered by WordPress"))
    doc = clean(page("Library hours extended", PROSE, MORE, LAST, "2 thoughts on “Library hours extended”", thread, form))
    assert doc.text.endswith(LAST)
    assert "chrome.comments" in [r.rule for r in doc.removed]


def test_a_tag_list_of_five_under_its_label_goes():
    tail = "\n".join(("Support local journalism: subscribe today for as little as $1 for the first month.", "Tags",
                      "Ridgefield City Council", "Budget", "Fire Department", "Kayla Brenner", "Staff Writer",
                      "Kayla Brenner covers city government and schools for the Courier. Reach her at 555-0182.",
                      "© Copyright 2023 The Ridgefield Courier"))
    doc = clean(page("Library hours extended", "By Kayla Brenner", PROSE, MORE, LAST, tail))
    assert doc.text.endswith(LAST)


def test_a_caption_and_its_copy_under_a_dated_header_and_a_desk_byline_go():
    caption = "Farmers show damaged banana plants to officials at Chinnamanur on Tuesday."
    head = "\n".join(("Farmers seek compensation for banana crops lost in unseasonal rain",
                      "March 14, 2023 07:42 pm | Updated 07:42 pm IST - THENI", "The Hindu Bureau", caption,
                      caption + " | Photo Credit: SPECIAL ARRANGEMENT"))
    doc = clean(page(head, PROSE, MORE))
    assert doc.title == "Farmers seek compensation for banana crops lost in unseasonal rain"
    assert doc.date is not None and doc.date.isoformat() == "2023-03-14"
    assert doc.text.startswith(PROSE)


def test_everything_under_a_press_release_end_mark_goes():
    about = ("Harbour Foods is a maker of frozen and shelf-stable meals with five plants in the Midwest, and it employs "
             "about two thousand people in the region.")
    notes = ("Notes to editors: the company will host a call for analysts and reporters on Thursday at ten in the "
             "morning, and a recording will be available on its website for a month afterwards.")
    for mark in ("ENDS", "-30-", "– ENDS –"):
        doc = clean(page("Harbour Foods reports a record year", PROSE, MORE, mark, notes, about,
                         "Media contact: Dana Whitfield, 612-555-0147"))
        assert doc.text.endswith(MORE), mark
        assert "chrome.press_end" in {r.rule for r in doc.removed}, mark


def test_a_bare_end_or_fin_line_is_no_end_mark():
    for mark in ("End", "Fin", "Fine"):
        doc = clean(page("Library hours extended", PROSE, mark, MORE))
        assert MORE in doc.text, mark


def test_a_comment_label_inside_the_last_block_opens_the_thread():
    block = "\n".join(("Posted in Beekeeping, Winter | Tagged varroa, wintering | 4 Comments",
                       "4 thoughts on “We lost two colonies this winter”", "Dave R. says:", "February 3, 2024 at 7:12 am",
                       "Same story here in Northumberland. The mild autumn caught a lot of us out this year.", "Reply",
                       "Leave a Reply", "Your email address will not be published. Required fields are marked *"))
    doc = clean(page("We lost two colonies this winter", PROSE, MORE, LAST, block))
    assert "Northumberland" not in doc.text and "thoughts on" not in doc.text


def test_a_notice_line_around_a_quoted_book_title_goes():
    promo = "Order the E-Book from Global Research: “The Quiet Crisis of the Twenty-First Century Economy”"
    doc = clean(page("Library hours extended", PROSE, MORE, LAST, promo,
                     "Disclaimer: The contents of this article are of sole responsibility of the author(s)."))
    assert doc.text.endswith(LAST)


def test_a_newsletter_pitch_between_two_chrome_lines_inside_the_article_goes():
    pitch = "The planet's most important stories. Get all the week's environment news - the good, the bad and the essential"
    doc = clean(page("Library hours extended", PROSE, "Free weekly newsletter", pitch,
                     "Privacy Notice: Newsletters may contain info about charities and online ads.", MORE, LAST))
    assert pitch not in doc.text and MORE in doc.text


def test_a_sentence_between_two_advertisement_markers_stays():
    short = "The library will open at nine."
    doc = clean(page("Library hours extended", PROSE, "ADVERTISEMENT", short, "ADVERTISEMENT", MORE, LAST))
    assert short in doc.text


def test_a_forum_thread_under_a_repost_goes_from_the_first_posts_footer():
    thread = ("ironmonger72, Jan 14, 2020 #1", "Like Reply Report", "steelcity_sue\nMember\nJoined: Sep 9, 2016",
              "Same thing happened to my brother-in-law on the coke ovens job in 2018. Nobody from the council wants to "
              "know, and the agency never even answered his letters about the money they still owed him.",
              "steelcity_sue, Jan 14, 2020 #2", "You must log in or register to reply here.")
    doc = clean(page("Contractors laid off without notice", PROSE, MORE, LAST, *thread))
    assert doc.text.endswith(LAST)
    assert "chrome.comments" in {r.rule for r in doc.removed}


def test_a_paywalls_prompts_at_the_very_bottom_go():
    prompts = ("Esta funcionalidad es exclusiva para suscriptores.", "Reporta un error en esta noticia",
               "¿Ya eres suscriptor?", "Inicia sesión para poder votar.")
    doc = clean(page("El pleno aprueba el centro de día", PROSE, MORE, LAST, *prompts))
    assert doc.text.endswith(LAST)


def test_short_last_lines_of_the_article_stay():
    ending = ("The vote is on Monday.", "Doors open at seven.", "Everyone is welcome.")
    doc = clean(page("Library hours extended", PROSE, MORE, *ending))
    assert doc.text.endswith("Everyone is welcome.")


def test_two_notice_lines_run_together_and_glued_to_the_last_sentence_leave_the_sentence():
    last = "Whether the public ports remain public may depend on how quickly that cooperation grows."
    glued = last + " The original source of this article is Global Research Copyright © Lena Hoch, Global Research, 2021"
    doc = clean(page("Port privatization in the Balkans", PROSE, MORE, glued, "Become a Member of Global Research"))
    assert doc.text.endswith(last)


def test_follow_and_subscription_prompts_at_the_bottom_go():
    prompts = ("Join the Fenland Echo WhatsApp community for the latest news and updates",
               "You have reached your limit for free articles this month.", "Subscription Benefits Include",
               "Today's Paper", "Unlimited Access")
    doc = clean(page("Library hours extended", PROSE, MORE, LAST, *prompts))
    assert doc.text.endswith(LAST)


def test_the_url_line_of_an_old_global_research_page_goes():
    for line in ("The URL of this article is: http://globalresearch.ca/articles/FER408A.html",
                 "L'adresse url de cet article est: www.mondialisation.ca/index.php?aid=13903"):
        doc = clean(page("Privatizing the pumps", PROSE, MORE, LAST, line))
        assert doc.text.endswith(LAST), line


def test_newsletter_and_follow_inserts_inside_the_article_go():
    for insert in ("Get the biggest daily stories by email", "Get our local newsletter, delivered free each Friday",
                   "✅ Clique aqui para seguir o canal do Portal Nordeste no WhatsApp"):
        doc = clean(page("Library hours extended", PROSE, insert, MORE, LAST))
        assert insert not in doc.text and MORE in doc.text, insert


def test_a_related_label_with_a_sections_name_inside_opens_the_list():
    lex = default_rules().lexicons
    assert lex.is_related_label("MORE National ARTICLES") and lex.is_related_label("Latest Local News")
    assert not lex.is_related_label("More tax cuts are coming for small business, says the minister")
    doc = clean(page("Library hours extended", PROSE, MORE, LAST, "MORE National ARTICLES",
                     "Quebec to add 500 subsidized daycare spaces", "Bank of Canada holds key interest rate at 5%"))
    assert doc.text.endswith(LAST)


def test_a_short_line_at_the_very_bottom_under_a_loose_notice_goes_with_it():
    doc = clean(page("Library hours extended", PROSE, MORE, LAST,
                     "Disclaimer: The views expressed in this article are the sole responsibility of the author and do not "
                     "necessarily reflect those of the Centre for Research on Globalization.", "Return to Home Page"))
    assert doc.text.endswith(LAST)


def test_a_closing_line_to_the_reader_with_one_chrome_word_stays_but_an_appeal_goes():
    for closing in ("The final vote is scheduled for August 26. If you agree, come and say so. Public comment starts at 6:30.",
                    "As always, we welcome your comments and suggestions for future programmes."):
        doc = clean(page("Library hours extended", PROSE, MORE, closing, "Share this:\nTwitter\nFacebook\nLike this:"))
        assert doc.text.endswith(closing), closing
    appeal = "Our journalists live where you live. If local reporting matters to you, help keep it going."
    doc = clean(page("Library hours extended", PROSE, MORE, LAST, appeal, "Share this:\nTwitter\nFacebook"))
    assert doc.text.endswith(LAST)


def test_a_forum_posts_furniture_goes_at_both_ends():
    headline = "Ferry timetable cuts announced for the outer islands"
    doc = clean(page("Harbour Forum", "Thread Tools\nDisplay Modes", headline, "#1\n03-14-2021, 08:10 PM",
                     "skipper_jo\nSenior Member\nJoin Date: Jan 2014\nPosts: 2,311", PROSE, MORE,
                     "All times are GMT -5. The time now is 11:47 PM.", "Powered by vBulletin® Version 4.2.5"))
    assert doc.title == headline and doc.authors == []  # "Thread Tools" is no one's name
    for line in ("Thread Tools", "Display Modes", "Senior Member", "Join Date: Jan 2014", "Posts: 2,311", "The time now is",
                 "Powered by"):
        assert line not in doc.text
    assert PROSE in doc.text and MORE in doc.text


def test_a_privacy_line_under_a_newsletter_prompt_goes_also_when_the_page_is_too_short_for_a_tail():
    body = "The the the the the the the the."
    raw = page("The The The", body, body, "We handle your details as our privacy notice says.", "Share this:\nFacebook\nTwitter")
    assert clean(raw).text == f"{body}\n\n{body}"  # (hypothesis found it: the head reader had taken the chrome below)


def test_a_related_list_above_the_footers_notice_goes_with_its_headlines():
    notice = ("Copyright The Harbour Press. All rights reserved. This story may not be republished, broadcast or "
              "rewritten without permission.")
    doc = clean(page("Rare owl draws birders to the airfield", PROSE, MORE, "Recommended Stories",
                     "Winter storm to bring heavy snow to the coast this weekend", "Lake fishing contest called off over thin ice",
                     notice, "Terms\nPrivacy"))
    assert doc.text == f"{PROSE}\n\n{MORE}" and "chrome.related" in {r.rule for r in doc.removed}
    french = clean(page("Barrage contesté sur le fleuve", PROSE, MORE, "Articles connexes :",
                        "Amazonie : la déforestation repart à la hausse", "Quand la transition déplace les villages",
                        "La source originale de cet article est Mondialisation.ca", "Copyright © Mondialisation.ca, 2022"))
    assert french.text == f"{PROSE}\n\n{MORE}"


def test_the_next_posts_header_under_a_reposted_article_opens_the_replies():
    reply = "Good for them. Our district took a one percent deal last year and everybody regrets it now."
    raw = page("Westbrook teachers vote to strike", PROSE, MORE, "Quote\nReply", "#2\n10-21-2018, 09:10 PM",
               "mill_town_mike\nMember\nJoin Date: Mar 2017\nPosts: 418", reply, "Quote\nReply")
    doc = clean(raw)
    assert doc.text == f"{PROSE}\n\n{MORE}" and "chrome.comments" in {r.rule for r in doc.removed}
    named = clean(page("Westbrook teachers vote to strike", PROSE, MORE, "Maria Lopez\nStaff Writer", LAST))
    assert LAST in named.text  # a person's name over a role is no login: the prose under it stays
