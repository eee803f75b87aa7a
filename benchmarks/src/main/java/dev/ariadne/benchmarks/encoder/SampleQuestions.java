package dev.ariadne.benchmarks.encoder;

import java.util.List;

/**
 * Fifty hand-written questions in the style of MetaQA (1- to 3-hop questions about films), with made-up
 * titles and names: none is a dataset line. Used to time the encoder on realistic lengths (6-25 tokens).
 */
final class SampleQuestions {
    static final List<String> ALL = List.of(
            "who directed Harbour Lights at Dawn",
            "what genre is The Glass Orchard",
            "when was Seven Winters in Lisbon released",
            "who wrote the screenplay for Paper Kites",
            "which actors starred in The Quiet Cartographer",
            "what language is Moonlight over Kessler Street in",
            "what are the tags of Iron Meridian",
            "who is the director of the film The Salt Road",
            "which films did Margot Ellery act in",
            "what movies were directed by Tobias Renn",
            "what films did Priya Castellano write",
            "which movies share a director with The Lantern Keeper",
            "who acted in the films directed by the director of Cold Harvest",
            "what genres are the movies written by the writer of Blue Cartography",
            "when were the films starring Jonas Whitlow released",
            "which languages are the movies directed by Ines Varga in",
            "who directed the movies that Caleb Moreau acted in",
            "what are the genres of the films written by Hal Brennick",
            "who wrote the films that starred Odette Lin",
            "which years were the movies directed by Samir Okafor released in",
            "who are the actors in the films written by the screenwriter of Tin Comet",
            "the films directed by the director of Velvet Static were released in which years",
            "what are the primary languages of the movies starring the lead of Northern Relay",
            "which people co-starred with Delia Franke",
            "who directed films together with the writer of Amber Fields",
            "what types are the films written by the writer of The Ninth Lighthouse",
            "who are the writers of the movies directed by the director of Crooked Sky",
            "what movies did the actors in Little Harbor also appear in",
            "which films have the same screenwriter as The Orchard Thief",
            "the movies that share actors with Glass Mountain were directed by whom",
            "when did the films written by Oren Castile come out",
            "what genre do the films starring Rosa Delacroix belong to",
            "who is listed as director for the movies written by Vera Holm",
            "what tags describe the movies directed by Emil Strand",
            "who appeared in films with the director of Static Bloom",
            "which release years do the movies starring the actors of Paper Moon Parade have",
            "what language are the films that share a writer with Hollow Pines in",
            "who wrote movies for the actors of Evening Ferry",
            "which directors worked with the stars of The Copper Garden",
            "what are the release dates of films directed by people who acted in Violet Hour",
            "the writer of Distant Signals also wrote which films",
            "movies directed by the writer of Winter Locomotive",
            "the stars of the films written by Agnes Loy",
            "Lucien Moss directed films in which genres",
            "what films did the co-stars of Nadia Reyes direct",
            "which movies starring Theo Kaplan were written by Mira Sato",
            "who directed the film whose screenplay was written by Clara Voss",
            "what is the imdb rating of Golden Static",
            "which movies are about time travel and star Ivo Brandt",
            "who starred in the movies whose directors also directed Lantern Bay and Salt Creek");

    private SampleQuestions() {
    }
}
