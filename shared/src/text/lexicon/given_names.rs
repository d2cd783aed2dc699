//! Given names that mark a gender, English and Spanish (common forms and their usual short
//! forms), lowercase and without accents where a text may drop them. Names borne by both men and
//! women ("Jean", "Leslie", "Marion", "Pat") are in neither list.

use super::spanish::unaccent;
use crate::text::language::Gender;

/// Men's given names.
const MALE: &str = "aaron abel abraham adam adolphus adrian albert alec alexander alf alfred \
    algernon allan alan andrew andy angus anthony antony archibald archie arnold arthur augustus \
    austin barnaby bartholomew basil ben benjamin bernard bert bertie bertram bill billy bob \
    bobby boris bruce bryan caleb cecil cedric charles charley charlie chester christopher clarence \
    claude clement clifford colin conrad cornelius cuthbert cyril cyrus dan daniel david dennis \
    denis dick donald douglas duncan ebenezer ed edgar edmund edward edwin elias elijah \
    elisha emmanuel enoch ephraim ernest eugene eustace ezekiel ezra felix ferdinand frank \
    franky frederick fred freddy frederic gabriel geoffrey george gerald gilbert giles godfrey \
    gordon gregory griffith gus guy hal hank harold harry harvey hector henry herbert herman \
    hiram horace horatio howard hubert hugh hugo humphrey ian isaac isaiah ivan jack jacob jake \
    james jamie jasper jed jeremiah jeremy jerry jim jimmy joe joel john johnny jonas jonathan \
    joseph josh joshua josiah jude julian julius keith ken kenneth lambert lancelot larry laurence \
    lawrence lemuel len leonard leopold lewis lionel llewellyn louis lucas luke malcolm mark \
    martin matt matthew maurice max maximilian michael mike miles morris moses nat nathan \
    nathaniel ned neville nicholas nick nigel noah norman obadiah oliver oscar oswald owen patrick \
    paul percival percy perry peter phil philip phillip ralph randolph raymond reginald \
    reuben richard rob robert roderick rodney roger roland ronald rudolf rudolph rufus rupert \
    russell samuel saul seth silas simon solomon stanley stephen steve steven teddy terence \
    thaddeus theodore thomas tim timothy toby tom tommy tony victor vincent walter wat wilfred \
    wilfrid will willie william willy zachariah zachary \
    agustin alberto alejandro alfonso alonso alvaro andres angel anselmo antonio augusto \
    bartolome benito carlos cayetano cristobal diego domingo eduardo emilio enrique esteban \
    eusebio federico felipe fermin fernando francisco gaspar gonzalo gregorio \
    guillermo ignacio isidoro isidro jacinto jaime javier jeronimo joaquin jorge jose \
    juan lorenzo luis manolo manuel marcelino mariano mateo miguel nicolas \
    pablo paco pascual pedro pepe pepito perico quico rafael ramon ricardo roberto rodrigo \
    salvador santiago sebastian tomas vicente";

/// Women's given names.
const FEMALE: &str = "abigail ada adela adelaide adele agatha agnes alice alicia alma amanda \
    amelia amy angela angelina ann anna annabel anne annie arabella augusta barbara beatrice \
    beatrix becky bella bertha bess bessie beth betsy betty blanche bridget caroline \
    carrie catherine cecilia cecily celia charlotte christina christine clara clarissa \
    constance cora cordelia cynthia daisy deborah delia diana dinah dolly dora dorothea dorothy \
    edith edna eleanor eleanora elinor eliza elizabeth ella ellen ellie elsie emily emma esther \
    ethel eugenia euphemia eva eve fanny flora florence frances gertrude grace hannah harriet \
    hattie helen helena henrietta hester hetty hilda ida isabel isabella isabelle jane janet \
    jemima jennie jenny jessica jessie joan joanna josephine judith julia juliet julie kate \
    katharine katherine kathleen katie katy kitty laura lavinia letitia lettice lilian lillian \
    lily lizzie lizzy lois louisa louise lucinda lucy lydia mabel madeline maggie \
    margaret margery maria marian marianne marie martha mary matilda maud maude may meg mildred \
    millicent minnie miriam molly nancy nanny nell nellie nora norah olive olivia pamela patience \
    patty pauline peggy penelope phoebe polly priscilla prudence rachel rebecca rhoda rosa \
    rosalind rosamond rose rosie ruth sally sarah sophia sophie sophy susan susanna susannah \
    sybil sylvia tabitha theresa teresa tessa ursula victoria violet virginia winifred \
    adelaida amalia amparo angustias antonia asuncion beatriz carmen catalina concepcion \
    concha consuelo dolores elvira encarnacion engracia eulalia francisca gertrudis ines \
    isidora josefa josefina juana leonor lola lucia luisa manuela margarita maria mariana \
    marta matilde mercedes milagros paca paquita pepa pepita petra pilar purificacion rafaela \
    ramona remedios rosario rosita soledad trinidad vicenta";

/// The gender a given name marks, if it is in one of the lists (`word` in any case; accents
/// count, so "María" and "Maria" are both found).
pub(crate) fn given_name_gender(word: &str) -> Option<Gender> {
    let lower = word.to_lowercase();
    let plain: String = lower.chars().map(unaccent).collect();
    let listed = |list: &str| list.split_whitespace().any(|name| name == plain);
    if listed(MALE) {
        Some(Gender::Male)
    } else if listed(FEMALE) {
        Some(Gender::Female)
    } else {
        None
    }
}
