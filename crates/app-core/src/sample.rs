//! The article shown on a first visit: invented for Diplomap, plausible but fictional.

/// A fictional foreign-relations news story (about 370 words) that exercises every kind of
/// highlight: leaders with titles, capitals, organisations, dates, money and percentages.
pub const SAMPLE_ARTICLE: &str = "\
Putin ends Central Asia tour with energy deals as China's money looms

ASTANA — Russian President Vladimir Putin ended a three-day tour of Central Asia on Wednesday, \
signing energy and transport agreements in Kazakhstan and Uzbekistan as Moscow tries to keep \
its footing in a region where China has become the largest lender.

The visit, which ran from March 3-5, opened in Astana, where Putin held talks with Kazakh \
President Kassym-Jomart Tokayev at the Akorda palace. The two leaders approved a $1.2 billion \
programme to modernise the pipeline that carries Central Asian gas north to Russia. Tokayev \
said Russian companies would be offered a 12% share in a new gas-processing venture near \
Aktobe, and that Kazakhstan would stay a reliable partner whatever the mood in world politics.

In Tashkent the next day, Uzbek President Shavkat Mirziyoyev discussed a nuclear power plant \
that Rosatom, Russia's state nuclear company, has been planning since April 2021. Officials \
put the cost of the first unit at about $3.5 billion. Mirziyoyev also asked for simpler work \
permits for the roughly one million Uzbek citizens employed in Russia, whose remittances are \
worth nearly 15% of Uzbekistan's economy.

The Kremlin presented the trip as proof that the Eurasian Economic Union still attracts its \
neighbours. Yet Beijing was never far from the conversation. Chinese President Xi Jinping \
toured both capitals last year, and Chinese state banks have lent more than $8 billion to \
Kazakhstan since 2019. A railway linking Kashgar in western China with Andijan in Uzbekistan, \
by way of Kyrgyzstan, is due to break ground in June.

\"Astana wants Russian gas and Chinese money, and it would rather not choose between them,\" \
said Aigerim Nurlanova, an economist at a private research institute in Almaty. She noted \
that the European Union had pledged about €300 million for regional transport links at a \
meeting in Samarkand last autumn, and that Washington was watching the corridor closely.

Putin is expected to host Kyrgyz President Sadyr Japarov in Moscow on April 12, ahead of a \
summit of the Collective Security Treaty Organization in Minsk. Russia's share of Kyrgyz \
trade fell to 21% last year, according to figures published by the Eurasian Development \
Bank, while China's rose above 30%.
";
