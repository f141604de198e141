"""Word lists for redaction.py: given names, surnames, places and common English words.

The given names are the commonest of recent decades among the trust's communities (English,
Welsh, Scottish, Irish, South Asian, Polish and other European, Caribbean, African, East and
South East Asian). WORD_NAMES are names that are also ordinary words, months, places or brands
("Will", "May", "Hope", "Victoria"): they count as names only with context. COMMON_WORDS is the
commoner part of a general English word list (Brill's tagger lexicon, filtered by frequency in
Norvig's public-domain corpus) plus the words patients use in feedback; a capitalised word in it
is taken for an ordinary word unless something in the text says it is a name.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase.split()) for phrase in text.split("|"))


GIVEN_NAMES = _words(
    """
Aaliyah Aamir Aarav Aaron Abbie Abby Abdi Abdirahman Abdul Abdullah Abdullahi Abena Abigail
Abimbola Abiodun Abu Abul Achieng Ada Adaeze Adam Ade Adebayo Adebola Adeola Adewale Adeyemi
Adil Aditya Adjoa Adnan Adunni Adwoa Afia Afzal Agata Agne Agnes Agnieszka Ahmad Ahmed Ahmet
Aidan Aiden Aimee Aisha Aisling Ajay Akash Akbar Akinyi Akosua Akram Akua Alamgir Alan Alasdair
Alastair Albert Albie Alec Aled Aleksandra Alessandro Alex Alexander Alexandra Alexandru Alexis
Alfie Alfred Ali Alia Alice Alicja Alina Alison Alistair Aliya Allan Allen Alok Ama Amanda
Amandeep Amani Amar Amarjit Ambrose Amelia Amelie Amina Aminah Aminata Amir Amit Amitabh Amrik
Amrit Amy Ana Analyn Anand Anastasia Ancy Andre Andrea Andrei Andrew Andy Aneesh Aneta Angela
Angus Anil Anish Anita Anitha Anjali Anjana Anju Ankit Ann Anna Annabel Anne Annette Annie
Anthony Anton Antonio Anup Anwar Anwara Aoife Archibald Archie Aria Arif Arjun Arjunan Arnel
Arshad Arthur Arun Arvind Asad Asha Ashleigh Ashley Ashok Ashton Ashwin Asif Asma Atieno Atif
Aurora Ava Avinash Avtar Ayaan Ayesha Ayo Ayodele Ayomide Ayse Ayub Azhar Aziz Babatunde
Baljinder Baljit Balvinder Balwinder Baraka Barbara Barnaby Barney Barry Bashir Bea Beata
Beatrice Becky Bella Ben Benedict Benjamin Bernadette Bernard Bernie Bert Bertie Beryl Beth
Bethan Bethany Bev Beverley Bharat Bhavesh Bhavin Bhavna Bhupinder Bijo Biju Bilal Billy Bina
Bincy Bisi Blake Bobby Bogdan Bola Bolaji Bongani Bradley Brandon Brenda Brendan Brian Bridget
Bronagh Bruce Bryn Bushra Caitlin Caleb Callum Calvin Cameron Caoimhe Carl Carlos Carlton Carly
Carmen Carole Caroline Carolyn Carys Cassie Catherine Catriona Cecil Cerys Chandni Chanel
Chantelle Charanjit Charles Charlie Charlotte Cheryl Chetan Chiamaka Chiara Chibuzo Chidi
Chidinma Chika Chinedu Chinonso Chinwe Chioma Chipo Chirag Chloe Chris Christina Christine
Christopher Christos Chukwuemeka Cian Ciara Ciaran Claire Clara Clare Clarence Claudette Claudia
Clement Clifford Clive Cody Colette Colin Connor Conor Corey Cormac Courtney Craig Cristina
Cyril Dafydd Daljit Dalton Dalvir Damian Damien Damilola Daniel Daniela Danielle Danny Dariusz
Darrell Darren Darryl Darshan Darshana Dave Davey David Davinder Dawid Dayo Debbie Deborah Debra
Declan Deepa Deepak Deepika Deepthi Deeqa Deirdre Delbert Delilah Delroy Delyth Demi Denise
Dennis Derek Dermot Des Deshawn Desmond Dev Devika Dexter Dhruv Diana Diane Dianne Diego Dilip
Dimitris Dinesh Divya Dmitri Dolores Dominic Dominika Donald Donna Donovan Doreen Doris Dorota
Dorothy Douglas Dovile Dragan Dudley Duncan Dwayne Dylan Eamon Eamonn Ebere Eddie Edie Edith
Edmund Edna Edward Edwin Edyta Efua Egbert Egle Eileen Eilidh Elaine Eleanor Elena Eleni Elif
Elijah Eliza Elizabeth Ella Ellie Elliot Elliott Ellis Eloise Elsa Elsie Elspeth Eluned Elvis
Elzbieta Elżbieta Emeka Emilia Emily Emine Emma Emre Emyr Enid Eoin Eric Erin Erlinda Ernie
Errol Esi Esme Esther Ethan Ethel Euan Eugene Eva Evelyn Everald Everett Everton Evie Ewa Ewan
Ewelina Ezra Fadumo Faisal Faiza Falguni Farah Farai Farhan Farida Farooq Faruk Farzana Fatima
Fatma Fatou Fawad Faye Felicity Felix Femi Fergus Ffion Finley Finn Fiona Fionn Fitzroy Florin
Folake Frances Francesca Frankie Fraser Fred Freda Freddie Freddy Frederick Freya Funke Funmi
Gabriella Gail Ganesh Gareth Garfield Gary Gaurav Gavin Gbenga Geeta Gemma Geoff Geoffrey George
Georgina Georgios Gerald Geraldine Gerard Gerry Gethin Gilbert Gill Gillian Giovanni Gita Giulia
Giuseppe Gladys Glenn Gloria Godfrey Godwin Goodluck Gopal Goran Gordon Gracie Graeme Graham
Grainne Greg Gregor Gregory Gruffydd Grzegorz Guled Gurdeep Gurinder Gurjit Gurmeet Gurnam
Gurpreet Gwen Gwendoline Gwyneth Habib Habibur Hafsa Hajra Hakan Halima Halina Hallie Hamdi
Hamid Hamish Hamza Hannah Hansa Harbans Harbinder Hardeep Hari Haris Harish Harjinder Harjit
Harmeet Harold Haroon Harpal Harper Harpreet Harriet Harrison Harry Harsha Harshad Harvey
Harvinder Hasan Hassan Hawa Hayley Heena Heidi Helen Hema Hemant Henry Hetal Hibo Hilary Hilda
Hillary Hina Hitesh Hodan Hollie Horace Hortense Howard Hubert Hudson Hugh Hugo Humaira Humphrey
Huong Hussain Hussein Huw Iain Ian Ibrahim Ibrahima Ida Idris Ieuan Ifeanyi Ifeoma Ifra Ifrah
Ikenna Ikram Ilhan Ilyas Imani Imogen Imran Inderjit Indira Inga Ingrid Ioana Iqra Irene Irfan
Irina Iris Isaac Isabel Isabella Isabelle Ishaq Isla Ismail Isobel Ivan Ivana Ivy Iwan Iwona
Jacek Jackie Jacob Jacqueline Jagdish Jagjit Jahanara Jake Jakub Jamal James Jamie Jamila Jan
Jana Jane Janelle Janet Janice Janine Janusz Jaroslaw Jarosław Jarvis Jas Jasbir Jason Jaspal
Jasper Jaspreet Jasvinder Jaswinder Jatin Jatinder Javed Javier Jaxon Jaya Jayden Jayesh
Jayshree Jaz Jeanette Jeanne Jeena Jeff Jeffery Jeffrey Jemma Jennifer Jennilyn Jenny Jenson
Jeremy Jermain Jermaine Jerome Jess Jessica Jessie Jibin Jide Jignesh Jiji Jill Jim Jimmy Jincy
Jing Jinu Jisha Jismy Jo Joan Joanna Joanne Joao Jobin Jocelyn Jodie Joe Joel Joey John Johnny
Jolanta Jomar Jomon Jon Jonalyn Jonas Jonathan Jose Joseph Josephine Josh Joshua José Joy Joyce
Jude Judith Judy Julia Julian Julianne Julie Juma Junaid Justin Justine Justyna Jyoti Kacper
Kadeem Kadiatou Kajal Kalpana Kalpesh Kamal Kamala Kamaljeet Kamaljit Kamau Kamil Kamran Kanta
Kareem Karen Karim Karl Karolina Karthik Kashif Kasia Katalin Katarzyna Kate Kath Katherine
Kathleen Kathryn Katie Katy Kaushik Kavita Kayla Kayleigh Kayode Keeley Kehinde Keisha Keith
Kelly Kemar Kemi Ken Kenisha Kenneth Kenny Kerry Keshav Ketan Kevin Khadija Khadra Khalid Kian
Kiera Kieran Kieron Kim Kimberley Kinga Kiran Kirsteen Kirstie Kirsty Kirti Kishan Kishore Kofi
Kojo Kokila Kostas Kris Krish Krystyna Krzysztof Kudzai Kulbir Kuldip Kulwant Kulwinder Kunal
Kwabena Kwadwo Kwaku Kwame Kwasi Kwesi Kyle Lacey Lachlan Lakhvir Lakshmanan Lakshmi Lanre
Lascelles Lata Latoya Laura Lauren Laurence Lawrence Layla Leah Leanne Lee Leela Leigh Lekha Len
Lenka Lenny Lenworth Leo Leon Leonard Leonie Lerato Leroy Lesley Leslie Lester Lewis Liam Libby
Libin Lilian Lillian Lincy Linda Lindiwe Lindsay Lindsey Ling Linh Linton Linu Lionel Lisa
Livingstone Liz Lizzie Lloyd Logan Lola Lorna Lorraine Lottie Louie Louis Louisa Louise Loveth
Lowell Lowri Lubna Luca Lucas Lucia Lucinda Lucy Luis Lukas Lukasz Luke Lydia Lynda Lynn Lynne
Mabel Maciej Maddison Madeleine Madeline Madhu Madison Magda Magdalena Mahendra Mahesh Mahmood
Mahmoud Mairead Maisie Majid Malcolm Malgorzata Mandeep Mandy Manish Manjinder Manjit Manoj
Manpreet Mantas Marc Marcel Marcia Marcin Marco Marcus Marek Margaret Margery Margot Maria
Mariam Mariama Marian Maricar Maricel Marie Marija Marilyn Mario Marion Marites Mariusz Marivic
Marjorie Marlon Marshall Marta Martha Martin Martina Marvin Mary Maryam Mason Masood Mateusz
Mathew Matilda Matthew Maud Maureen Maurice Mavis Max Maxine Maya Małgorzata Meena Meera Megan
Mehmet Mehwish Mei Mel Melanie Merline Mhairi Mia Michael Michal Michał Michelle Mick Mickey
Miguel Mihaela Mihai Mike Mildred Millie Mina Minal Ming Minh Minnie Miriam Mita Mitchell Mitesh
Mizanur Mohamed Mohammad Mohammed Mohamud Mohan Mollie Molly Monica Monika Monique Montague
Monty Morag Moussa Muhammad Mujibur Mukesh Mumtaz Munir Murat Muriel Murray Murugan Mustafa
Mustafe Mya Mylene Nabeel Nadeem Nadia Nadine Naeem Nalini Nancy Nandini Naomi Naresh Narinder
Nasima Nasir Nasreen Nat Natalia Natalie Natasha Nathan Nathaniel Nav Navdeep Naveed Navjot
Navneet Nawaz Nayna Nazia Nazir Nazrul Neal Neel Neelam Neema Neha Neil Nell Nellie Nelly
Neville Ngozi Nia Niall Niamh Nicholas Nicola Nicolae Nicole Nigel Nikhil Nikolai Nikos Nilesh
Nimco Nimesh Nina Ninian Nirav Nirmala Nisha Nitin Njeri Nkechi Nnamdi Nneka Noah Nomsa Noor
Nora Norma Norman Norris Nusrat Nyasha Obinna Odhiambo Ogechi Oisin Oksana Olamide Olga Oliver
Olivia Oliwia Ollie Olu Olumide Oluwadamilare Oluwaseun Oluwatobi Omar Omari Omondi Omotola
Onkar Orla Oscar Osman Oswald Otieno Otis Ousmane Owain Owen Padma Padraig Paige Pallavi Pamela
Pankaj Paolo Param Paramjit Paresh Parminder Parth Parul Parveen Patricia Patrick Patryk Patsy
Paul Paula Paulette Paulina Pauline Pawel Paweł Pearl Pedro Peggy Percy Pete Peter Petra Phil
Philip Philippa Phillip Phoebe Phyllis Piotr Pippa Pooja Prabhu Pradeep Prakash Pramila Pranav
Prateek Praveen Pravin Preethi Preeti Prem Princy Priscilla Pritesh Priya Priyanga Priyanka
Przemek Przemysław Purvi Qasim Quentin Rabia Rachael Rachel Radek Radha Radosław Radu Rafael
Rafal Rafał Rafiq Rafiqul Rahim Rahima Rahul Raj Rajan Rajendra Rajesh Rajinder Rajiv Raju
Rajvinder Rakesh Ralph Ramesh Rani Ranjan Ranjit Ransford Raphael Rasa Rashid Rashmi Rasik Ravi
Ravinder Raymond Rebecca Reece Reggie Reginald Rehana Rekha Remya Renata Renu Reshma Reshmi
Reuben Revathi Rhea Rhiannon Rhodri Rhys Riaz Richard Ricky Riley Rita Rizwan Robbie Robert
Robyn Rodel Roderick Rodney Roger Rohan Rohit Roisin Rokeya Roland Roman Ron Ronak Ronald Ronan
Ronnie Roosevelt Rory Rosalie Rosalind Roshni Rosie Ross Rowena Roxanne Roy Ruairi Ruchi Rufus
Rukhsana Ruksana Rumana Rumbi Rupert Rupinder Russell Ruta Rutendo Ruth Ryan Sabrina Sabu Sachin
Sade Sadie Saeed Safia Sagal Sagar Sahil Sahra Saima Sajid Salim Sally Salma Salman Sam Samantha
Sameer Samina Samira Samuel Sana Sandeep Sandra Sangeeta Sanjay Sanjeev Sanjiv Santosh Saoirse
Sapna Sara Sarah Sarbjit Sarita Saritha Satnam Savita Scarlett Scott Seamus Sean Seb Sebastian
Seema Segun Sejal Selam Senait Senthil Seren Sergei Sergio Seun Shabana Shafiq Shahid Shahida
Shahnaz Shailesh Shaji Shakil Shakira Shamim Shamima Shamus Shane Shanelle Shanice Shaniqua
Shanti Shapla Sharelle Sharon Sharron Shaun Shauna Shazia Sheeba Sheetal Sheila Shelley Shereen
Sherin Shiji Shilpa Shiraz Shirin Shirley Shivani Shola Shreya Shweta Shyam Sian Sid Sidney
Sienna Sijo Simon Simona Simone Simran Simranjit Sindhu Sinead Sini Siobhan Sipho Smita Sneha
Sofia Sohail Sonal Sonia Sonny Sonya Sophia Sophie Soumya Spencer Sreeja Stacey Stan Stefan
Steph Stephanie Stephen Steve Steven Stewart Stuart Subhash Sudha Sudhir Sufyan Suganya Suja
Sujata Sujith Sukhbir Sukhdev Sukhjinder Sukhwinder Suleman Sumaya Sumon Sunil Sunita Sunitha
Sunny Suresh Surinder Susan Sushila Susie Suzanne Suzy Svetlana Swati Sybil Sylvester Sylvia
Szymon Tadeusz Tafadzwa Tahir Taiwo Tammy Tamsin Tanisha Tanveer Tanya Tapiwa Tara Tariq
Tarlochan Tarquin Taslima Tasneem Tatenda Tatiana Tayo Ted Teddy Tegan Tejal Tejas Tejinder Temi
Temitope Tendai Terence Teresa Terrance Terry Tesfay Tessa Thabo Thaddeus Thandiwe Thanh Thea
Thelma Themba Theo Theodore Theresa Thilaga Thomas Tiana Tijo Tilly Tim Timothy Tina Tinashe
Tintu Tobi Tobias Toby Tolu Tom Tomas Tomasz Tommy Toni Tony Tope Toyin Tracey Tracy Trang
Travis Trevor Tristan Trudy Trupti Tsitsi Tudor Tunde Tushar Tyler Tyrell Tyrone Ubah Uche
Uchenna Uma Umar Umesh Ursula Urszula Usha Usman Uzma Valerie Vandana Vanessa Varsha Vasant
Vasile Vasuki Venkat Vera Vernon Vicki Vicky Vijay Vijaya Vikas Vikram Viktor Vimal Vinay
Vincent Vineeth Vinita Vinod Violet Vipul Viren Vishal Vivienne Vladimir Wale Wallace Walter
Wambui Wanjiru Waqar Waqas Warren Warsame Waseem Wayne Wei Wendell Wendy Weronika Wesley Wiesław
Wilbur Wilfred William Willie Willy Winifred Winsome Winston Wojciech Xin Yaa Yash Yasin Yasmeen
Yasmin Yaw Yemi Yiannis Ying Yinka Yogesh Yolanda Yonas Younis Yousaf Yulia Yusuf Yvonne Zach
Zachary Zaheer Zahid Zahra Zainab Zamzam Zanele Zara Zawadi Zbigniew Zena Zeynep Zoe Zofia
Zoltan Zubair Zulfiqar Zuzanna Łukasz
Maggie Meg Lizzy Cathy Kathy Becca Bex Abi Tash Jen Jenn Kat Nikki Nicky Mags Trish Tricia
Sandie Jacqui Shaz Lou Liv Livvy Izzy Issy Dan Stevie Ant Jonny Mikey Micky Sammy Benny Olly
Stu Del Baz Gaz Kev Ste Jez Tez Donnie Dougie Duggie Georgie Bartek Kuba Ola Gosia Basia
Tomek Wojtek Zosia Asha Ama Precious
"""
)

WORD_NAMES = _words(
    """
Ace Al Amber Angel April Archer Arnold Art Ash Aspen August Austin Autumn Baron Basil Bear
Beauty Bentley Bill Bishop Blaze Blessing Bliss Blossom Bo Bob Bonnie Bracken Brook Brooke
Brooklyn Bud Buddy Bunny Candy Cardinal Carmel Carol Carter Carver Cedar Chance Charity Chase
Chelsea Cherry Chester Chip Christian  Clay Cliff Clifton Clover Cole Comfort Constance
Cooper Coral Crystal Daisy Dale Dallas Dawn Dean Deep Denver Destiny Devon Di Diamond Divine Don
Dot Drew Duke Dusty Earl  Ebony Ed Eden Ernest Ernestine Eve Faith Favour Felicity Fern
Fisher Florence Fortune Fox Frank Gardener Gay Gene Genesis Georgia Gift Ginger Glen Goldie
Grace Grant Guy Happy Harley Harmony Hawthorn Hazel Heath Heather Holly Honey Honor Honour Hope
Hunter Hurley Hyacinth India Innocent Iris Ivy Jack Jade Jasmine Jasper Jay Jean Jewel Jolly
Jordan Joy June Junior Juniper Justice Kendal Kerry Kingsley Kit Kitty Lady Lance Lark Laurel
Lavender Liberty Lily Lincoln Linden Lord Lourdes Lucky Major Marigold Marina Mark Marquis
Marshall Mason Matt May Melody Memory Mercedes Mercy Miles Miracle Misty Mo  Morgan Myrtle
Nan Nana Nick Noble Olive Orion Pal Paris Pat Patience Peace Pearl Penny Percy Phoenix Piper
Pope Poppy Praise Precious Primrose Prince Princess Promise Prosper Prudence Rain Raja Ranger
Ray Reed Rich Rick Rio River Rob Robin Rocky Rod Rosario Rose Rosemary Rowan Royal Royce Ruby
Rusty Saffron Sage Sailor Sandy Savannah Serenity Shannon Shiny Sierra Sir Sky Skye Sonny Squire
Stanley Star Sterling Storm Stormy Success Sue Sultan Summer  Sunny Sydney Taylor Tiger
Trinity Trust  Unity Val Verity Victoria Victory Violet Wade Washington Will Willow
Winter Wisdom Wolf Wren
Max Jan Roman Ashton Carlton Everton Dudley
"""
)

SURNAMES = _words(
    """
Abdi Abraham Adams Adebayo Adeleke Adeyemi Afolabi Agyeman Ahmed Akhtar Ali Allen Anderson
Andrews Anwar Appiah Armstrong Arora Asante Ashley Ashton Aslam Atkinson Atwal Baig Bailey Bains
Baker Ball Balogun Banda Banerjee Barker Barnes Barrett Barton Bassi Bates Begum Bell Bello
Bennett Bentley Berry Bhatia Bhatt Bibi Bird Bishop Boateng Booth Bose Bradley Brennan Brooks
Brown Burgess Burns Burton Butler Butt Byrne Campbell Carr Carter Chambers Chan Chapman Charlton
Chatterjee Chaudhary Chaudhry Chauhan Chen Cheung Chikwanha Chohan Chopra Choudhury Chowdhury
Clark Clarke Clayton Cole Coleman Collins Cook Cooke Cooper Costa Cox Cross Curtis Dabrowski
Dalton Das Davies Davis Dawson Day Dean Denton Desai Dhillon Dixon Docherty Doherty Doyle Dube
Duffy Dunn Dutta Edwards Elliott Ellis Esposito Evans Eze Farah Fenton Ferguson Fernandes
Fernandez Ferrari Ferreira Fisher Fitzgerald Flanagan Fletcher Ford Foster Fox Francis Fraser
Freeman Frost Gallagher Garcia Gardner George Ghosh Gibson Gill Gomes Gonzalez Goodwin Grabowski
Graham Grant Gray Green Gregory Grewal Grey Griffiths Gupta Hall Hamilton Hammond Harding Harper
Harris Harrison Hart Hartley Harvey Hassan Hawkins Hayes Henderson Hendry Hernandez Hill Hilton
Hobbs Hodgson Holland Holmes Hopkins Howard Howe Hudson Hughes Hunt Hunter Hurst Hussain Hutton
Ibrahim Ionescu Iqbal Islam Ivanov Iyer Jackson Jacob James Jankowski Jarvis Jenkins Johal
Johnson Jones Joseph Joshi Kaczmarek Kamau Kaminski Kapoor Kaur Kavanagh Kelly Kennedy Khan
Khanna King Kirby Knight Kowalska Kowalski Kozlowski Krawczyk Krishnan Kumar Kurian Kwiatkowski
Lam Lamb Lambert Lane Lawrence Lee Lewandowski Lewis Little Liu Lloyd Long Lopez Lord Lowe Lynch
MacDonald Mackenzie MacLeod Mahmood Malhotra Malik Mann Marsh Marshall Martin Martinez Martins
Mason Mathew Matthews Mazur McCarthy McDonald McLaughlin Mehta Menon Mensah Miah Middleton
Miller Mills Milton Mirza Mistry Mitchell Modi Mohammed Mohamud Moore Morgan Morris Morton Moss
Moyo Mukherjee Munro Murphy Murray Mutasa Mwangi Nair Nash Ncube Ndlovu Newman Newton Nguyen
Nicholls Nicholson Noble Norris Norton Nowak Nwosu O'Brien O'Connor O'Neill O'Sullivan Ogunleye
Okafor Okeke Okonkwo Okoro Oliver Oluwole Omonori Onyango Osborne Osei Otieno Owen Owusu
Oyelaran Page Palmer Pandya Parker Parmar Parry Parsons Patel Pathak Payne Pearce Pearson
Pereira Perez Perry Petrov Philip Phillips Phiri Pillai Piotrowski Popescu Porter Powell Pratt
Preston Price Quinn Qureshi Rahman Rai Randall Rao Raza Read Reddy Reed Rees Rehman Reid
Reynolds Richards Richardson Riley Roberts Robertson Robinson Robson Rodrigues Rogers Rose Ross
Rossi Rowe Russell Russo Ryan Sahota Sanchez Sandhu Santos Saunders Scott Seacole Sen Shah
Sharma Sharp Sharpe Shaw Sheikh Shepherd Short Siddiqui Sidhu Silva Simpson Sinclair Singh
Slater Smith Solanki Spencer Stanley Steele Stevens Stewart Stone Subramaniam Sutton Swift
Szymanski Taylor Thakkar Thomas Thompson Thornton Tran Trivedi Tucker Turner Uddin Upton
Varghese Varma Vaughan Verma Wade Walker Wall Walsh Walton Wang Warren Warsame Waters Watkins
Watson Watts Webb Webster Wells West Weston Wharton White Whitehead Wilkins Wilkinson Williams
Williamson Wilson Winter Wisniewski Wiśniewski Wojcik Wong Wood Woods Wozniak Wright Wyatt
Wójcik Yadav Yates Yeung Young Zhang Zielinski
"""
)

PLACES = _words(
    """
Africa Alnwick Anstey Ashby Ashington Asia Auckland Aylestone Bangladesh Barnard Barnsley Barrow
Bassetlaw Beaumont Bedford Beeston Belfast Belvoir Berwick Birmingham Birstall Blaby Blackpool
Blyth Bolton Bradford Bradgate Braunstone Brighton Bristol Britain Brixton Bromsgrove Bulwell
Burton Cambridge Camden Cardiff Carlisle Castle Charnwood Chelmsford Chelsea Cheltenham Chester
Chesterfield China Cleveland Coalville Colchester Consett Corbridge Corby Coventry Cramlington
Crewe Croydon Darlington Derby Derbyshire Doncaster Donington Dudley Durham Ealing Edinburgh
Enderby England Europe Evington Exeter Fulham Gateshead Gedling Ghana Glasgow Glenfield
Gloucester Grantham Greenwich Groby Guisborough Gujarat Hackney Halifax Hamilton Hammersmith
Harborough Harrogate Harrow Hartlepool Hexham Highbury Hinckley Hong Hucknall Huddersfield Hull
Humberstone Ibstock Ilford India Ipswich Ireland Islington Jamaica Jarrow Kendal Kensington
Kenya Kerala Kettering Keynes Kibworth Knighton Kong Lancaster Leamington Leeds Leicester
Leicestershire Lewisham Leys Lichfield Lincolnshire Lithuania Liverpool London Loughborough
Luton Lutterworth Manchester Mansfield Mapperley Markfield Melton Middlesbrough Millbrook Milton
Morpeth Mountsorrel Mowbray Narborough Newark Newcastle Newport Nigeria Northampton
Northamptonshire Northumberland Northumbria Norwich Nottingham Nottinghamshire Nuneaton Oadby
Oakham Oldham Oxford Pakistan Penrith Peterborough Peterlee Philippines Plymouth Poland
Portsmouth Preston Punjab Quorn Rampton Reading Redcar Redditch Retford Rochdale Romania Romford
Rothbury Rotherham Rothley Ruddington Rugby Rutland Scarborough Scotland Scraptoft Seaham
Sedgefield Sheffield Shepshed Sherwood Shields Sileby Slough Solihull Somalia Southampton
Stafford Stamford Stockport Stockton Stoke Stratford Sunderland Sutton Swansea Syston Tamworth
Tees Teesside Thurmaston Thurnby Tottenham Tyne Tynemouth Tyneside Uganda Uppingham Wakefield
Wales Walsall Wansbeck Warwickshire Watford Wear Wellingborough Wembley Westminster Whitby
Whitley Wigan Wigston Wolverhampton Wooler Worcester Worksop York Zimbabwe
Freeman Walkergate Queens Whitburn Kingsmill Thorneywood Bracken Redwood Sherwood Wells
Lings Hopewood Thorneywood Mandala Stonebridge Saxondale Newstead Broomhill Herschel
Prins Nhs Nhft Emas Neas Uhl Lpt Iapt Camhs Cmht Ihtt Cqc Pals Dwp Ooh Nhsft Leics Notts
"""
)

COMMON_WORDS = _words(
    """
abandon abandoned abandoning abdomen abdominal ability abit able abnormal abolished abolition
about above abroad abrupt abscess abscesses absence absent absolute absolutely absorbed
absorption absurd abundant abuse abuses accept acceptable accepted access accident accidentally
accommodation accompanied accompany accomplished accord according accordingly account accounts
accumulation accurate accused accustomed achieved acid acquaintance acquainted acquired acres
across act acted acting action actions active activities activity acts actual actually acute add
added adding addition additional address addressed addressing adherent adjacent administration
admission admissions admit admitted admitting adopted adoption adult adults advance advanced
advancing advantage advantages adventure advertisement advice advise advised advisor advocates
affair affairs affect affected affecting affection affectionate affections affects afford
afforded afraid after afternoon afterwards again against age aged agent agents ages aggressive
agitated agitation ago agony agree agreeable agreed agreement agricultural agriculture ah ahead
aid aide aim aims air alarm alarmed alcohol alien alike alive all alleged alliance allied allies
allocated allow allowed allowing almost alone along alot aloud already also altered alternative
although altogether always am amazing ambassador ambulance ambulances amendment amiable amid
among amount amputation amused amusing an anaesthesia analysis anatomical anatomy ancient and
angel angels anger angle angrily angry animal animals animated animation ankle annexation
announced announcement annoying annual another answer answered answering answers anterior
anthrax anti antibiotics antiseptic anxiety anxious anxiously any anybody anymore anyone
anything anyway anywhere aorta apart apologised app appalling apparent apparently appeal appear
appearance appearances appeared appearing appears applicable application applications applied
apply applying appointed appointment appointments appreciate appreciated appreciation approach
approachable approached approaching appropriate appropriately approval approve approved
approximately april apt arbitration archive are area areas argument arguments arise arm armchair
armed armies arms army arose around aroused arrange arranged arrangement arrangements arrest
arrested arrival arrive arrived arriving art arterial arteries artery arthritis article articles
artificial artillery artisans as aseptic ashamed aside ask asked asking asks asleep aspect
aspects assembled assemblies assembly assess assessed assessment assist assistance assistant
assisted associated association assume assumed assumes assumption assurance assure assured
asthma astonishment at ate atmosphere atrophy attached attack attacked attacking attacks attain
attained attempt attempted attempts attend attendance attendant attended attending attention
attentive attentively attitude attracted attractive attributed audible audience audiology august
aunt author authorities authority authorized autistic automated autumn availability available
avenue avoid avoided avoiding awaited awaiting awake aware away awful awkward axis babies baby
back background backs backward bacteria bacterial bad badly bag baggage baker balance bald ball
ballot ballroom balls band bandage bandaged bands bank banking banks bar bare barrier base based
basis bath battalion battalions battery battle battlefield battles bay be bear beard bearing
beast beat beaten beating beautiful beauty became because become becomes becoming bed bedroom
been bees before beg began begged begin beginning begins begun behalf behind being belief
believe believed bell bells belong belonged belonging below bench bending beneath benefactor
benefit benefits bent beside besides best better between beyond big bill bills bind bingo
bipolar bird birth bit bite bitter black bladder blame blamed bleed bleeding blind blister
blisters blockade blocked blocking blood bloods blow blue bluish blushed blushing board bodies
body bold boldly bond bonds bone bones bony book booked booking books booster boot boots border
bore born borne bosom both bother bothered bottle bottom bought bound boundary bow bowed bowel
bowing box boy boys brain branch branches brave breach bread break breakfast breaking breast
breath breathe breathing breeches bridge brief bright brightly brilliant bring bringing broad
broke broken brother brothers brought brow brown brows bruised brushed build building built
bullet bullets bundles burden buried burn burned burning burns burst bus bushes business busy
but buy by cab cadet call called caller calling calls calm calmed calming calmly came camp
campaign campaigns can canal canals cancellations cancelled cancer candidate candidates candle
candles cannon cannot cant cap capable capacity capillary capital capsule captain capture
captured car card cardiac cardiology cards care cared career careful carefully carer carers
cares caring carpet carriage carriages carried carry carrying cars cart cartilage carts case
cases cast catch category catering cattle caught cause caused causes causing cavalry cavities
cavity cease ceased celebrated cellar cells cellular cent center centers central centre century
certain certainly cervical chain chair chairs challenge chamber chance change changed changes
changing chaotic chapter character characteristic characters charge charged charm charming
charter chase chatty check checked checking checks cheek cheeks cheerful chemical chemist chest
chicago chief chiefly child childhood childish childlike children chin china chiropodist choice
choices choose choosing chose chosen chronic church churches circle circles circular circulating
circulation circumscribed circumstances cities citizen citizens city civil civilization claim
claimed claims class classed classes clay clean cleaners clear cleared clearer clearing clearly
clerk clever client clients clinic clinical clinically clinician clinicians cloak clock close
closed closely closer closing clot cloth clothes clothing cloud clouds club co coach coachman
coal coarse coast coat coats coffee coin cold coldly collapsed collar collateral collect
collected collection collective college colonel colonial colonies colonists colonoscopy colony
color colored colour coloured column columns combination combinations combined come comes
comfort comfortable comforting coming command commanded commander commanders commanding commands
comment comments commerce commercial commission commissions committed committee committees
common commonest commonly commons communicate communicating communication community compact
companies companion company comparatively compare compared comparison compassion compassionate
compelled competent competition complaint complaints complete completed completely complex
complicated complications composed compound compressed compression compromise computer comrade
comrades conceal concealed concentrated conception concern concerned concerning concerns concise
concluded conclusion condemned condition conditions conduct conducted confederacy confederation
conference conferred confess confidence confident confined confirm confirmed conflict confused
confusing confusion congenital congestion congratulate congress connect connected connection
connections connective conquest conscience conscious consciousness consent consequence
consequently conservative consider considerable considerate consideration considerations
considered considering consist consisted consistency consistent consistently consisting consists
constant constantly constitute constitutes constitution constitutional constitutions constructed
construction consultant consultants consuming contact contacted contacting contacts contain
contained containing contains contemporaries contempt content contents contest continent
continental continually continue continued continues continuing continuity continuous contract
contracted contraction contradiction contrary contrast control controlled controversy convenient
convention conventions conversation conversations conveyed conviction convinced convoy cook
cooperation coordinator cope copies coping copper copy copyright cord cords corn corner corporal
corporation corporations corps correct correctly correspondence corresponding corridor cost
cotton could council counselling counsellor count counted countess countries country countrymen
couple courage courier course court courteous courtesy courtiers courts cousin cover covered
covering covid crack created creating creature credit creditors crew crews cried cries crime
crimes criminal crisis critical criticism crop crops cross crossed crossing crowd crowded crowds
crown cruel cruelty crush crushed crushing cry crying culture cunning cup cure curiosity curious
curly currency current curtain custom customer customers cut cutting cyst cystic cysts dad daily
dam damage damaged damages damp dance danced dancing danger dangerous dare dared daring dark
darkness darling dashed date daughter daughters dawn day days de dead deaf deal dealing dealt
dear dearest death debate debt debts decide decided decision decisions decisive declaration
declare declared declaring decline declined decree dedicated deed deep deeper deeply defeat
defeated defect defective defects defend defended defending defense defined definite definitely
definition deformities deformity degeneration degree degrees delay delayed delays delegates
deliberately delicate delight delighted delightful delirium delivered demand demanded demands
dementia democracy democratic democrats demonstrated denied denounced dense dental dentist
department departments departure depend depended dependent depending depends deposit depressed
depression deprive deprived depth depths derived dermatology descended describe described
description desert deserted deserve designed desire desired desires despair desperate despite
destined destiny destroy destroyed destroying destruction destructive detached detachment detail
details detected deteriorated determination determine determined develop developed development
devil devised devoted devotion diabetes diabetic diagnosed diagnosis did didn didnt die died
dietician dietitian difference different differential differently difficult difficulties
difficulty diffuse dignity dilated dim diminished dimly dining dinner diphtheria diplomacy
diplomatic direct directed direction directions directly dirty disabilities disability disabled
disappear disappearance disappeared disappointed discharge discharged discipline discomfort
discover discovered discovery discuss discussed discussing discussion disease diseased diseases
disgusting disjointed disliked dislocation dismay dismissive dismounted disorder dispatch
displaced displacement disposition dispositions dispute disputes dissatisfied dissolution distal
distance distant distinct distinctly distinguish distinguished distorted distress distressed
distressing distribute distributed distribution district disturbance disturbed divided divine
division divisions do doctor doctors doctrine document does dog dogs doing dollars domain
domestic dominion don donations done door doors dose doses double doubt doubts down downplayed
downstairs dozen draft dragged dragging drainage drank drastic draw drawing drawn dreadful dream
dress dressed dresses dressing dressings drew dried drift drink drinking drinks drive driven
driver drivers driving drop dropped drops drove drug drugs drunk drunken dry duct due duel duke
dull duration during dust duties duty dying each eager eagerly ear earlier early ears earth ease
easier easily east eastern easy eat eating ecg economic economy edge edges edition educated
education effect effected effective effectively effects efficiency efficient efficiently effort
efforts eg eh eight eighteen eighteenth eighth eighty either elapsed elastic elbow elbows elder
elderly eldest elected election elections electoral electors electric electronic element
elements elevated eleven else elsewhere email emancipation embarrassed embedded embraced
emergency emotion emotional emotions empathetic empathy emperor emperors empire employ employed
employees employers employment empty en enable enacted encounter encourage encouraged end ended
endless endoscopy ends endure enemies enemy energetic energy enforce enforcement engaged
engagement english enjoy enjoyed enjoyment enlarged enlargement enormous enough ensue ensues
enter entered entering enterprise enthusiasm entire entirely entrance entrusted entry envelope
environment epidermis epiphysis episode equal equality equally equipment erosion erysipelas
escape escaped escapes especially essence essential est establish established establishing
establishment estate estates estimate estimated etc eternal eve even evening event events
eventually ever every everybody everyday everyone everything everywhere evidence evident
evidently evil ex exact exactly exaggerated examination examine examined examining example
examples exceedingly excellent except exception exceptional excess excessive exchange exchanged
excised excision excited excitement exclaimed excluded exclusively excuse executed execution
executive exercise exercises exhausted exist existed existence existing exists expansion expect
expected expecting expedition expense expenses experience experienced experiment expertise
explain explained explaining explanation explanations exposed exposure express expressed
expressing expression extend extended extending extends extension extensive extent external
extra extraordinary extreme extremely extremities extremity eye eyebrows eyed eyes fab fabulous
face faced faces facilities facility facing fact factor factories factors factory facts fail
failed failing fails failure fair fairly faith faithful fall fallen falling falls false familiar
families family famous fancy fantastic far farm farmer farmers farms farther fashion fast faster
fat fatal fate father fatty fault faultless faults favor favorable favored favorite favour fear
feared fearing fears feather feature features fed federal federalist federalists federation fee
feeble feedback feel feeling feelings feels feet fell fellow fellows felt female fence fetch
fever feverish few fibrous field fields fifteen fifth fifty fig fight fighting figure figures
file fill filled filling final finally finance financial find finding finds fine finger fingers
finish finished finishing fir fire fired fires firing firm firmly firmness first fish fit fitted
fitting five fix fixed flag flames flank flap flat fled fleet flesh flew flexed flight floor
flourishing flow flowed flowing fluid flung flushed fly flying focus foe fog fold folded folk
follow followed followers following follows fond food fool foolish foot footman footsteps for
forbidden forbidding force forced forces forearm forehead foreign foreigners foreseen forest
forests forever forget forgetting forgive forgot forgotten form formal formation formed former
formerly formidable forming forms forth fortnight fortunate fortune fortunes forty forward
fought foul found foundation foundations founded four fourteen fourteenth fourth fox fracture
fractures fragments frame framework frank frankly free freedom freely french frequency frequent
frequently fresh friend friendly friends friendship frightened from front frontier frost frown
frowned frowning fruit frustrating fulfill fulfilled full fully fun function functions
fundamental funding funds funny fur furnish furnished furniture further future gaily gain gained
gains gallop galloped galloping game games ganglion gap garden gastroenterology gate gates
gathered gathering gauze gave gay gaze gazed gazing general generally generals generation
generations generous genius gentle gentleman gentlemen gently genuinely gesture get gets getting
giant gigantic girl girls give given gives giving glad glance glanced glances glancing gland
glands glass glasses glittering gloom gloomy glory gloves glow go goal god goes going gold
golden gone good goodness goods goose gossip got gouty governed government governments governor
governors gown gp gps grace gracious gradual gradually grafting grain grand grant granted grants
grasp grass grateful gratitude grave gravity gray great greater greatest greatly greatness green
greeted greeting grew grey grief groin groom gross ground grounds group groups grow growing
grown grows growth growths guard guards guessed guests guidance guide guilty gun guns guy guys
gym ha habit habits habitual had haematology hair half hall halt halted hand handed handkerchief
handle handled handler handlers handling handover hands handsome hang hanging happen happened
happening happens happily happiness happy hard hardly hare harm harmful harness harsh has haste
hastened hastily hat hate hated hatred have haven having hay hca hcas he head headed
headquarters heads heal healing health healthcare healthy hear heard hearing heart hearts heat
heaven heavily heavy heel heels height heights held help helped helpful helpfull helping
helpless helps hence her here hero heroes heroic hers herself hesitation hid hidden hide hiding
high higher highest highly highness highroad hill hills him himself hip his historian historians
historic historical history hit hitherto hive hoarse hold holder holding holiday hollow holy
home homes homestead honest honestly honor honorable honored hoofs hope hoped hopes hoping
horizon horrible horror horse horses horticulture hosp hospice hospital hospitals host hostess
hostile hostility hot hotel hounds hour hours house household houses how however hr hrs hub huge
hum human humanity hundred hundreds hung hunger hungry hunt hunter hunting hurrah hurried
hurriedly hurry hurrying hurt husband husbands hut hypo ice icon icons idea ideal ideas if
ignored iliac ill illness illustration imagination imagine imagined immediate immediately
immense immigrants immigration impact impaired impairment impending imperial implicated
implications importance important imposed impossible impressed impression impressions improve
improved improvement improvements improving impulse in inappropriate incessantly incident
inclined include included including income incomprehensible inconsistent inconvenience incorrect
increase increased increases increasing indeed indefinite independence independent independently
index indicate indicated indicating indication indifference indifferent individual individuals
indolent induce induced industrial industries industry inevitability inevitable inevitably
infantry infants infected infection infections infiltration infinite inflamed inflammation
inflammatory inflicted influence influenced influences info inform information informative
informed inhabitants inherited initial initiative injected injection injections injured injuries
injury inn inner innocent innumerable inoculation inpatients input inquired inquiries inquiring
inquiry inserted inside insignificant insist insisted inspector instance instances instant
instantly instead instinct institution institutions instructions instrument instruments intact
intellectual intelligent intended intense intention intentions intently interactive interest
interested interesting interests interfere interfered interference interior internal
international internet interrupted interstate interval intervals intervention interview
intestine intimate into introduce introduced introduction invariably invasion investigation
invisible invited involuntarily involuntary involve involved involves iodine iron irony
irregular irrelevant irresistible irrigation irritation is island islands isolated issue issued
issues it its itself jab jacket jaw jealous jersey job jobs join joined joint joints joke jokes
journey journeys joy joyful joyfully joyous judge judged judgement judges judging judgment
judicial jumped junction junior jury just justice justify keen keep keeping kept key kidney kill
killed killing kind kindest kindly kindness kinds king kingdom kings kiss kissed kissing knee
knees knew knife knights knocked knoll know knowing knowledgable knowledge knowledgeable known
knows la labor laborers lack lad ladies lads lady laid lake lamp land lands lane language large
largely larger largest larynx last lasted late lately later lateral latter laugh laughed
laughing laughter law laws lay layer layers laying le lead leader leaders leadership leading
leads leaflets league leaned leaning learn learned learning learnt least leather leave leaves
leaving led left leg legal legislation legislative legislature legislatures legs length lengthy
lent lesion lesions less lesser lessons lest let letter letters letting level levels liability
liable liberal liberty library license lie lies lieutenant life lift lifted lifting ligament
light lightly lights like liked likely likewise limb limbs lime limit limited limits line lined
linen lines lining linked lip lips lise list listen listened listeners listening listens lists
lit literally literary little live lived lively liver lives living load loaded loads local
located location lock locked lodge lofty log logical long longed longer look looked looking
looks loose lord lose losing loss losses lost lot lots loud louder loudly love loved lovely
lover loves loving low lower lowered loyal luck luckily lucky lumen lunch lungs lying lymph ma
machine machinery mad madam made maid maids main mainly maintain maintained majestic majesty
major majority make makes making male malignant mam man manage managed management manager
maneuvers manhood manifest manifestations mankind manner manners manufacturers manufactures
manufacturing many map march marched marching margin margins mark marked market markets marriage
married marrow marry marrying marshal marshals masks mason mass massage masses massive master
masters match material materials maternity matron matter matters maximum may maybe me meals mean
meaning means meant meanwhile measure measured measures mechanical mechanics median medical
medication medicine medics medium meds meet meeting meetings melancholy member members membrane
memorable memories memory men mental mentally mention mentioned merchant merchants mercury mercy
mere merely merit merrily merry message messages messenger met metal method methods middle
midnight midst midwife midwives might mighty migration mild mile miles military militia
militiamen milk million millions mills min mind minded minds mine mines mingled minimum minister
ministers minor mins minute minutes misfortune miss missed missing mission mist mistake mistaken
mistakes mistress mixed mob mobility moderate modern modified moist moment moments mon monarch
monarchy money monitor monitoring monsieur month months mood moon moral more moreover morning
morrow most mostly mother motion motionless motor mountains mounted mouth move moved movement
movements moves moving mri much mud multiple mum murder muscle muscles muscular museum music
muskets must mustache muttered muttering mutual my myself mysterious mystery nail nails naive
naked name named namely names narrative narrow nasal natal nation national nationalism nations
native natural naturally nature natured naval navy nd near nearer nearest nearly necessarily
necessary necessity neck necrosis need needed needing needle needles needs negative neglect
negotiations negro negroes neighbor neighboring neighbors neighbour neighbours neither nephew
nerve nerves nervous net neuritis neurology never nevertheless new newly news newspaper
newspapers next nhs nice nicely niece night nights nine nineteenth no nobility noble nobody
nodded nodules noise noisy nominated non none nonsense nor normal normally north northern
northwest nose not note notes nothing notice noticed noticing novel now nowhere number numbers
numerous nurse nursery nurses nursing oak oath obey object obligations obliged observation
observe observed observing obtain obtained obvious obviously occasion occasional occasionally
occasions occupation occupations occupied occupy occur occurred occurrence occurring occurs of
off offended offensive offer offered offering office officer officers offices official officials
often oh oil ok okay old older on once oncology one ones ongoing online only onset onto op open
opened opening openly operate operating operation operations operative operator operators
opinion opinions opium opponent opponents opportunity opposed opposing opposite opposition
optician option options or orange orbit order ordered orderly orders ordinary organisation
organised organism organisms organization organized organs origin original originate originates
orthopaedics osseous ossification other others otherwise ought our ours ourselves out outcome
outer outline outpatients outside outstanding over overall overcoat overcome overlying overnight
overthrow overwhelming owe owing own owner owners ownership oxygen pace paced paces pacific
pacing pack packed packing pad paediatrics page paid pain painful painfully pains painted pair
palace pale palm pandemic panic paper papers paperwork parade paragraph paralysis paramedic
paramedics pardon parents parliament part parted partial particular particularly parties partly
partner parts party pas pass passage passed passes passing passion passionate passionately
passions passive past patches path pathological pathway patience patient patients patriotic
pause paused pay paying payment peace peaceful peasant peasants peculiar pelvis pen people
peoples per percent perfect perfection perfectly perform performed perhaps perinatal period
periods peripheral perish perished permanent permanently permission permit permitted perplexity
persist persistent person personable personal personally personnel persons petition phalanx
pharmacist pharmacy phase phenomena phlebotomist phlebotomy phone phoned phones phoning
photograph phrase physical physically physio physios physiotherapist physiotherapy pick picked
picking picture pictures piece pieces pilgrims pillow pills pink pioneers pipe pistol pity place
placed places placing plain plainly plan plans plantations planters planting platform play
played playing plea pleasant please pleased pleasure plenty plump plus pm pneumonia pocket
podiatry point pointed pointing pointless points poisoning pole police policies policy polish
polite politely political politics pond pool poor poorly popular population porch porter porters
portion portions portrait ports pose position positions positive possessed possession
possibility possible possibly post posted posterior posts pounds pour poured poverty powder
power powerful powers practical practically practice practitioner praise pray prayed prayer pre
precious precisely prefer preferred preoccupied preparation preparations prepare prepared
preparing prescribed prescription presence present presented presents preserve presidency
president presidential press pressed pressing pressure pretext pretty prevent prevented
preventing prevention previous previously price prices pride priest primary prince princess
principal principle principles print printed prior prioritise priority prison prisoner prisoners
privacy private privileges probable probably problem problems procedure process processes
proclamation produce produced produces producing production products profession professional
professionalism professionally professionals profit profits profound profuse prognosis program
progress progressive project projecting projects prolonged prominent promise promised promoted
prompt promptly pronounced proof proper properly property proportion proposal propose proposed
proprietary prosperity protect protected protection protective protested protests proud prove
proved proves provide provided providence providing province provinces provincial provision
provisions psychiatrist psychologist psychology public puckered pull pulled pulling pulsation
pulse punctual punctured punish punished punishment purchase pure purely purple purpose purposes
purse pursued pursuit pushed pushing put puts putting qualifications qualified qualities quality
quantity quarrel quarter quarters queen question questioned questioning questionnaire questions
queue quick quicker quickly quiet quietly quite race radial radiant radical radiographer
radiology rage railway railways rain raise raised raising ran rang range rank ranks rapid
rapidity rapidly rare rarely rate rates rather ratification ratified raw ray rays rd re reach
reached reaches reaching reaction read readily readiness reading ready real realise reality
realize realized really realm rear reason reasonable reasoning reasons reassurance reassure
reassured reassuring rebellion recall recalled recalling receive received receiving recent
recently reception receptionist receptionists reckoned recognised recognition recognize
recognized recognizing recollection recommend recommended reconstruction record recorded records
recourse recover recovered recovery rectum recurrent red redacted redoubt reduce reduced
reduction refer reference references referral referred reflected reflection reform reformers
refrain refund refusal refuse refused regard regarded regarding regeneration regiment regiments
region regions registered regret regular regularly regulation rehabilitation reign reins
rejected relapse relate related relating relation relations relationship relationships relative
relatively relatives relaxed relaxing release relevant reliable relief relieve relieved religion
religious reluctantly remain remained remaining remains remark remarkable remarkably remarked
remarks remedy remember remembered remembering reminded removal remove removed removing render
rendered renewed repair repeal repeat repeated repeatedly repeating replaced replacement replied
reply replying report reported reports representation representative representatives represented
representing reproach republic republican reputation request requested require required
requirements requires research resemble resembles resembling reserve resist resistance resolute
resolutely resolution resolutions resolve resolved resource resources respect respected
respectful respectfully respects respiration respond responded responder responders responding
response responses responsibility responsible responsive rest rested resting restless
restoration restore restored restrain restricted restrictions result resulted resulting results
resumed retain retained retire retired retreat retreating return returned returning returns
revealed revenue review revolt revolution revolutionary reward rheumatism rice rich rid ridden
ride ridiculous riding right rights rigid ring ringing rise risen rises rising risk river rivers
road roads roar rode rodent role roll rolled rolling roof room rooms root rose rosy rough round
rounded rounds roused route routine row rows royal rubbed rubber rubbing rubles rude ruin ruined
rule ruler rules rumors run running runs rupture rural rush rushed rushing saber sac sacred
sacrifice sad saddle safe safeguarding safely safety said sailors sake sale saline sallow salt
same samovar sang sank sarcoma sat satisfaction satisfactory satisfied save saved saving saw say
saying says scale scalp scan scans scar scarcely scared scarlet scars scary scattered scene
scheme school schools science sclerosis score scotch scoundrel scraped screamed script sea
seaboard search searching seas seat seated seats secession seclusion second secondary secondly
seconds secret secretary section sections secure secured securing security see seeing seek
seeking seem seemed seems seen sees seize seized seizing seldom select selected self sell senate
senator senators send sending sensation sense senseless sensibility sensitive sent sentence
sentiment separate separated separation sepsis septic serene serfs sergeant series serious
seriously serum servant servants serve served service services serving servitude session
sessions set setting settle settled settlement settlements settlers seven seventy several severe
severely severity shade shadow shaft shaking shall shame shape shaped share shared sharing sharp
sharply shawl she sheath sheaths shed sheep sheet shell shining ship shipping ships shirt shock
shoes shone shook shop shops short shortage shortages shorter shortly shot shots should shoulder
shoulders shout shouted shouting shouts show showed shower showing shown shows shrugged shut shy
sick sickness side sides sigh sighed sight sign signal signed significance significant signs
silence silent silently silk sills silver similar simple simplicity simply simultaneously sin
since sincere sincerely sing singing single singular sinking sinus sinuses sir sister sit site
sitting situated situation situations six sixteen sixth sixty size skeleton skill skilled skills
skin skull sky slave slavery slaves sleep sleeping sleepy sleeve sleeves slender slept slight
slightest slightly slip slipped slipping slope slough slow slowly small smaller smart smell
smile smiled smiling smilingly smoke smooth smoothly snow so sobbing sobs social society sofa
soft softened softly soil sold soldier soldiers sole solemn solemnly solid solitary solution
solutions solve solved some somebody someone something sometimes somewhat somewhere son song
sonographer sons soon sooner sore sores sorrow sorry sort sorted sorts sought soul sound sounded
sounds source sources south southern sovereign sovereignty space spaces spare spasms speak
speaker speaking special specialist specially specific specifically spectacles speech speed
speedy spend spent sphere spinal spine spirit spirits spiritual spite splendid splints spoils
spoke spoken spongy spoon spot sprang spread spreading spreads spring spurs squadron square st
stable staff staffed staffing staffs stage stages stain stained stairs stake stamp stand
standard standards standing star stared stars start started starting state stated statement
states statesmen stating station stationed status stay stayed staying steadily steady steam
steel step stepped stepping steps stern sternly steward stick stiff stiffness still stir stirred
stitches stock stolen stomach stone stood stop stopped stopping stores stories storm story stout
straight strain strange strangely stranger strategies straw stream street streets strength
strengthen stress stressed stressful stretched stretching strict strike striking stroke strong
stronger strongly struck structure structures struggle struggled struggling stuck studies study
stuff stump stupid sub subject subjected subjects submission submit submitted subsequent
subsequently substance substances subtle succeeded success successful successfully such suction
sudden suddenly suffer suffered suffering sufferings sufficient sufficiently suffrage sugar
suggest suggested suggestion suggestions suicidal suit suitable suite sum summer summoned sums
sun sunk sunshine super superb superficial superior supervision supper supplied supplies supply
support supported supporting supportive suppose supposed supposing supremacy supreme sure surely
surface surfaces surgeon surgeons surgery surgical surprise surprised surrender surrendered
surrounded surrounding surroundings survey suspected suspension suspicion sustained suture
sutures swayed swaying sweet swelling swellings swept swift swiftly swollen sword sympathetic
sympathy symptom symptoms system systems table tablet tablets tail take taken taker takes taking
tale talk talked talking tall tariff task taste taught tax taxation taxes taxi taxis tea teach
team teams tear tearing tears teeth telephone tell telling tells temper temperature temple
temporarily temporary ten tend tendency tender tenderness tendons tends tense tension tent
tenure term terminal terms terrible terribly territories territory terror tertiary test tests
tetanus texas text th than thank thankful thanks thankyou that the theater thee their them
themselves then theories theory therapies therapist therapy there thereby therefore thereof
these they thick thickened thickening thigh thin thing things think thinking thinks third thirds
thirteen thirty this tho thorough thoroughly those thou though thought thoughtful thoughts
thousand thousands threatened threatening three threw throat thrombosis throne through
throughout throw throwing thrown thrush thrust thumb thus thy ticky tide tidy tied ties tight
tightly till time timely times timetable timid timidly timing tiny tiptoe tired tissue tissues
title to tobacco today toe toes together toilet told toll tomorrow tone tones tongue too took
tooth top topics tormented torn total totally touch touched touching toward towards town towns
toxins trace traces track trade trademark trading traffic train trained trainee training trains
traitor tranquil transfer transferred transformed transgender transmitted transport
transportation transported trap trapped trauma traumatic travel traveling travelled travelling
treason treasury treat treated treaties treating treatment treatments treats treaty tree trees
trembled trembling triage triaged trial tried trip triumph trivial troops trot trouble troubles
trousers true truly trunk trunks trust trusts truth try trying tube tuberculosis tumours turkey
turn turned turning turns twelve twenty twice twisted two type types typhoid typical ulcer
ulcers ultimately unable unacceptable unaware uncertain uncle uncomfortable uncommon unconscious
unconsciously under undergo understand understandable understanding understood undertaking
undoubtedly unexpected unexpectedly unfortunate unfortunately unhappy unhelpful uniform uniforms
union unions unit unite united units universal university unknown unless unlike unnatural
unnecessary unpleasant unreadable unsure until unusual unwell up update updated upon upper ups
upset upstairs upwards urged urgent urgently urine urology us use used useful useless user using
usual usually utter uttered utterly vaccination vaccine vague vain vainly valet valley valuable
value valued valves vanished varies varieties variety various vary varying vascular vast vehicle
vehicles vein veins ventured verbally verses vertebrae very vessel vessels vested vexed via vice
vicinity victory video view viewed views vigorous vigorously village villages violence violent
viral virtue virus visible visit visited visitor visitors visits vital vitality vividly vodka
voice voices void volume voluntary volunteer volunteers vomiting vote voted voters votes vous
vulnerable wages wagon wagons waistcoat wait waited waiting waits wake walk walked walkin
walking walks wall walls want wanted wanting wants war ward wards warfare warm warmly warning
wars was wash washed washing wasnt waste wasted wat watch watched watching water waters wave
waved wax way ways we weak weaker weakness wealth wealthy weapon wear wearing weary weather web
website wedding week weekend weekends weekly weeks weep weight welcome welcomed welcoming
welfare well wellbeing went wept were west western westward wet what whatever whatsoever wheat
wheel wheelchair wheels when whence whenever where wherever whether which while whilst whip
whisper whispered whistle whistling white who whole whom whose why wide widely widespread wife
wild will willing win wind window windows wine wing winter wire wisdom wise wish wished wishes
wishing with withdraw withdrawn within without witness witnessed woke wolf woman women won
wonder wonderful wood wooden woods wool word words wore work worked worker workers working works
world worn worried worries worry worrying worse worst worth worthy would wound wounded wounds
wrapped wretched wrinkled wrist write writers writes writing written wrong wrote xray xxxx yard
yards year years yellow yes yesterday yet yield yielding you young younger your yours yourself
youth yr zeal zone
"""
)

# Informal, modern and health-service words the general list lacks.
COMMON_WORDS = COMMON_WORDS | _words(
    """
    brill ta xx xxx xxxx lol omg ty thx tq pls plz soo sooo soooo yay wow awesome cheers hiya
    hi hello bye yep nope yeah yea thanku thankyou thanx superstar superstars legend legends
    gems diamonds bless godsend fab fabulous amazing brilliant lovely excellent fantastic
    outstanding superb marvellous wonderful faultless spot speedy efficient caring kind
    polite rude friendly unfriendly helpful unhelpful professional unprofessional courteous
    reassuring compassionate empathetic dismissive attentive supportive knowledgeable
    approachable informative responsive thorough punctual late early quick slow prompt
    email emails online app apps website text texts texted phoned rang ringing voicemail
    wifi internet smartphone covid coronavirus lockdown pandemic vaccine vaccination jab jabs
    booster facemask facemasks mask masks ppe nhs gp gps surgery surgeries receptionist
    paramedic paramedics ambulance ambulances crew crews responder responders dispatcher
    triage triaged handover corridor trolley cubicle a&e ae ed resus majors minors physio
    physios physiotherapy occupational therapy therapist therapists counsellor counselling
    psychiatrist psychiatrists psychologist psychologists cbt dbt emdr iapt camhs cmht crisis
    detox rehab sectioned section tribunal advocate advocacy safeguarding dementia alzheimers
    autism autistic adhd asperger aspergers anxiety depression bipolar schizophrenia psychosis
    ptsd ocd diabetes diabetic asthma copd epilepsy stroke sepsis cancer chemo chemotherapy
    radiotherapy oncology dialysis insulin inhaler antibiotics paracetamol ibuprofen morphine
    codeine oramorph sertraline fluoxetine citalopram mirtazapine olanzapine quetiapine
    clozapine lithium diazepam lorazepam zopiclone gabapentin pregabalin tramadol warfarin
    metformin statins omeprazole entonox oxygen ecg bloods scan scans xray xrays mri ct
    ultrasound biopsy endoscopy colonoscopy cannula catheter stitches dressing dressings
    plaster cast crutches wheelchair zimmer commode hoist stretcher carry chair
    discharge discharged readmitted outpatient outpatients inpatient inpatients ward wards
    bay bays sideroom dayroom canteen cafe parking carpark taxi taxis bus buses train trains
    wheelchairs ramp lift lifts stairs toilet toilets loo shower showers bed beds mattress
    pillow pillows blanket blankets tv telly radio phone phones charger mobile mobiles
    okay ok alright yes no please sorry thanks thank really very totally absolutely
    definitely honestly basically literally seriously obviously hopefully unfortunately
    fortunately luckily sadly overall generally usually normally eventually finally
    mum mam mom mummy dad daddy nan nanna nana gran grandma granny grandad grandpa hubby
    wifey partner fiance fiancee carer carers bro sis kids kiddies bairn bairns lad lads lass
    lasses mate mates pal pals folk folks guys gents ladies staff team teams everyone
    """
)

# Words that mark what follows as a person: titles, roles and relations ("my son Jack").
STRONG_TITLES = _words("mr mrs ms miss mx dr prof professor sir dame rev revd reverend")
STAFF_ROLES = _words(
    """
    doctor nurse sister matron midwife paramedic physio physiotherapist therapist porter
    consultant surgeon registrar receptionist carer hca counsellor psychiatrist psychologist
    pharmacist dentist practitioner worker member assistant student technician officer manager
    coordinator advisor driver medic responder handler operator volunteer chaplain interpreter
    cleaner housekeeper dietitian sonographer radiographer podiatrist pastor imam rabbi staff
    """
)
ROLES = STAFF_ROLES | _words(
    """
    father son daughter husband wife partner mum mam mom mother dad brother sibling nan nana
    gran grandma granny grandad grandpa grandson granddaughter grandmother grandfather friend
    uncle aunt auntie aunty cousin niece nephew baby boyfriend girlfriend fiance fiancee stepson
    stepdaughter stepmum stepdad colleague neighbour lady gentleman man woman guy chap lad
    """
)
# Never a name, even after a title: small words, days, months, deities.
STOP = _words(
    """
    i a an the and or but he she they we you it his her their our my your this that these
    those there here who what when where why how all everyone everybody anyone someone nobody
    no not yes so very thanks thank please also then if as at in on of to for from with by is
    was were are be has had have do did does can could would should nhs god jesus christ allah
    lord islam monday tuesday wednesday thursday friday saturday sunday january february march
    july september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    ward unit team staff hospital
    """
)
MONTH_NAMES = _words("May June April August Jan")
MONTH_LEAD = _words("in since during until till early late mid end last next of by")
# A capitalised run ending in one of these is a place ("Florence Ward", "Bradgate Unit"), or a
# condition ("Bell's palsy"); the lower-case ones also count in lower case ("Desmond course").
PLACE_NOUNS = _words(
    """
    ward wards unit hospital house centre center clinic suite wing lodge court road street
    lane avenue way close drive park place square surgery practice medical health healthcare
    hospice building block department theatre theatres station infirmary home village campus
    trust site gardens hall school college university hotel church mosque temple gurdwara
    library course programme group bay room floor corridor estate view grange manor cottage
    mews terrace crescent grove rise meadows castle syndrome disease palsy
    """
)
PLACE_NOUNS_LOWER = _words("ward unit hospital house centre clinic surgery course")
PLACE_LEAD = _words("st saint queen queens king kings prince princess royal duke")
# Verbs that follow a person: "Omonori explained", "Will said".
SPEECH = _words(
    "said says told explained asked helped listened reassured rang phoned examined spoke talked"
)
AFTER_NAME = SPEECH | _words("was is has had came arrived visited checked gave took made")
# Before these an ambiguous name is a place or a word: "in Washington", "full Mark's" (marks).
NOT_BEFORE_NAMES = _words(
    "the in at into near from around outside within full top a an my our your his her their no any"
)
PARTICLES = _words("de da van von bin bint binti al el ul le la di du del della mac")
# Ambiguous names whose ordinary sense can start a sentence alone ("Hope was lost", "Kingsley
# was calm"), unlike "Will was lovely" or "Sue was kind": these need more than a verb.
ABSTRACT_NAMES = _words(
    """
    Hope Faith Grace Joy Charity Mercy Patience Prudence Peace Victory Wisdom Praise Promise
    Success Beauty Memory Fortune Chance Trust Justice Harmony Melody Destiny Liberty Serenity
    Bliss Honor Honour Verity Felicity Unity Comfort Favour Art Dawn Eve Summer Autumn Winter
    Rain Storm Sky Star River Christmas Easter Sunday Monday Tuesday May June April August
    Divine Genesis Trinity Miracle Innocent Lucky Junior Major Royal Noble Sterling Chase Miles
    Victoria Florence Chelsea Georgia Jordan Kendal Stanley Kingsley Clifton Chester Devon
    Washington Sydney Paris India Kerry Shannon Dallas Denver Brooklyn Eden Orion Phoenix
    Lincoln Austin Bentley Mercedes Harley Rowan Bracken Arnold Lourdes Carmel Rosario Rio
    Sierra Savannah Christian Happy Jolly Gift Success Wisdom Precious Deep Royce Percy Prince
    Princess Duke Earl Bishop Dean Cardinal Baron Squire Marquis Lady Sir Diamond Crystal
        Max Jan Roman Ashton Carlton Everton Dudley Liberty Constance
"""
)
# Before a capitalised word, these say it is a person: "thanks to Ade", "Kind regards, Jo".
GRATITUDE = _phrases(
    "thanks|thank|thank you|thankyou|thank u|cheers|well done|grateful to|out to|kudos to"
    "|mention to|thanks to|you to"
)
SIGN_OFFS = GRATITUDE + _phrases("regards|wishes|love|from|sincerely|faithfully")
INTRODUCED = _phrases("known as|goes by|name is|name was|called her|called him")
# Names of places, charities and things that are made of people's names.
NAMED_PLACES = _phrases(
    "James Cook|Mary Seacole|Florence Nightingale|Marie Curie|Sue Ryder|Marks and Spencer"
    "|Marks & Spencer|John Lewis|Ronald McDonald|Great Ormond|John Radcliffe|John Eastwood"
    "|Duncan Macmillan|Percy Hedley|Alder Hey|Bishop Auckland|Barnard Castle|Milton Keynes"
    "|Kings Mill|King's Mill|Peppa Pig|Harry Potter|Jack Russell|Kirby Muxloe|Market Harborough"
    "|Melton Mowbray|Ashby de la Zouch|Castle Donington|Leicester Royal Infirmary"
)
# Surnames that are also brands, words or places in other languages: not a person on their own.
SURNAMES_NOT_ALONE = _words("Costa Ferrari Silva Santos Das Sen Bose Islam Rose Day")

# Endings of English place names ("Loughborough", "Glenfield"), which unknown names rarely have.
PLACE_END = re.compile(
    r"(?:ton|ham|field|ford|borough|brough|bury|burgh|chester|caster|cester|mouth|pool|port"
    r"|shire|wick|wich|worth|land|lands|stead|bridge|brook|dale|gate|hurst|minster|thorpe)$"
)

AMBIGUOUS = WORD_NAMES | {name for name in GIVEN_NAMES if name.lower() in COMMON_WORDS}
KNOWN = GIVEN_NAMES | WORD_NAMES | SURNAMES
# Surnames that are neither words nor places identify a person on their own ("Patel was kind").
SURNAME_SEEDS = (
    frozenset(
        s
        for s in SURNAMES - GIVEN_NAMES - WORD_NAMES
        if s.lower() not in COMMON_WORDS and s not in PLACES and not PLACE_END.search(s.lower())
    )
    - SURNAMES_NOT_ALONE
)
# Names that are a name wherever they stand, capitalised: "Sarah", "Patel".
UNAMBIGUOUS = SURNAME_SEEDS | (GIVEN_NAMES - AMBIGUOUS)
