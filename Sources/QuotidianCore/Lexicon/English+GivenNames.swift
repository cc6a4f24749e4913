extension English {
  /// Common given names that are mostly feminine. Source: our own list of frequent given
  /// names in English-language news (several languages of origin). Sorted.
  static let feminineGivenNames: [String] = [
    "abigail", "ada", "adriana", "agnes", "aisha", "alejandra", "alexandra", "alice", "alicia",
    "alison", "amanda", "amelia", "amy", "ana", "andrea", "angela", "angelina", "anita", "ann",
    "anna", "anne", "annette", "antonia", "ashley", "audrey", "barbara", "beatriz", "betty",
    "beverly", "brenda", "bridget", "carla", "carmen", "carol", "caroline", "catherine",
    "cecilia", "charlotte", "cheryl", "christina", "christine", "claire", "clara", "claudia",
    "cynthia", "daniela", "deborah", "denise", "diana", "diane", "donna", "doris", "dorothy",
    "elena", "elizabeth", "ella", "ellen", "emily", "emma", "erin", "eva", "evelyn", "fatima",
    "fiona", "frances", "gabriela", "gloria", "grace", "hannah", "heather", "helen", "ilhan",
    "irene", "isabel", "isabella", "jacqueline", "jane", "janet", "janice", "jennifer", "jessica",
    "joan", "joanna", "josefina", "joyce", "judith", "judy", "julia", "julie", "karen", "katherine",
    "kathleen", "kathryn", "kelly", "kimberly", "kristi", "laura", "lauren", "linda", "lisa",
    "lucia", "lucy", "margaret", "maria", "marie", "marilyn", "martha", "mary", "megan",
    "melissa", "michelle", "nancy", "natalie", "nicole", "nina", "olivia", "pamela", "patricia",
    "paula", "rachel", "rebecca", "rita", "roberta", "rosa", "rosaly", "rose", "ruth", "samantha",
    "sandra", "sara", "sarah", "sharon", "shirley", "silvia", "sofia", "sonia", "sonya", "sophie",
    "stephanie", "susan", "sylvia", "taylor", "teresa", "theresa", "tiffany", "valentina",
    "valerie", "veronica", "victoria", "virginia", "wendy", "yolanda", "zoe",
  ]

  /// Common given names that are mostly masculine. Source as above. Sorted.
  static let masculineGivenNames: [String] = [
    "aaron", "abdul", "adam", "ahmed", "alan", "albert", "alberto", "alejandro", "alexander",
    "ali", "andrew", "andrés", "anthony", "antonio", "arthur", "arturo", "avi", "benjamin",
    "bernard", "bill", "bob", "brian", "bruce", "carl", "carlos", "charles", "chris",
    "christopher", "daniel", "david", "dennis", "dick", "donald", "douglas", "edward", "eduardo",
    "emmanuel", "eric", "ernesto", "eugene", "francisco", "frank", "fernando", "gary", "george",
    "gerald", "gordon", "gregory", "harold", "henry", "hugh", "ian", "jack", "jacob", "james",
    "jason", "javier", "jeffrey", "jeremy", "jerry", "jesse", "jesús", "jim", "joe", "joel",
    "john", "jonathan", "jorge", "jose", "josé", "joseph", "joshua", "juan", "justin", "keith",
    "kenneth", "kevin", "kurt", "larry", "lawrence", "lucas", "luis", "manuel", "marco", "mark",
    "martin", "matt", "matthew", "michael", "miguel", "mike", "mohamed", "mohammed", "muhammad",
    "nathan", "nicholas", "omar", "oscar", "pablo", "patrick", "paul", "pedro", "peter", "phil",
    "philip", "rafael", "ralph", "randy", "raúl", "raymond", "ricardo", "richard", "rick",
    "robert", "roberto", "roger", "ronald", "roy", "russell", "ryan", "samuel", "scott", "sean",
    "sergio", "stephen", "steve", "steven", "thomas", "tim", "timothy", "todd", "tom", "tony",
    "victor", "vladimir", "walter", "wayne", "william", "xi",
  ]
}
