"""Action-plan tables of the April 2011 pack (seed 000), transcribed row by row.

Each row is the printed cells left to right; "\\n" separates paragraphs in a cell. Keys: "p1" the
Priority 1 (serious acquisitive crime) plan, "p2" the reducing re-offending plan, "dv" the Southern
Domestic Abuse Task Group plan, whose numbering restarts at 1.1 (rows with one text cell are its
priority headings).
"""

ROWS = {'dv': [['PRIORITY 1. Support DV Victims by Raising Awareness in Frontline Staff - Issues & How to report',
         '',
         '',
         '',
         ''],
        ['1.1',
         'TK',
         'To revise and update a SCDATG online directory of services on domestic violence. Maintain visibility.',
         'Q1- Send out link to site to all former TG mailing lists via email Q1 – Explore using County website to '
         'host directory',
         'Directory updated in January 2011.'],
        ['1.2',
         'TK, IB & BF',
         'To hold a multi-agency domestic violence awareness raising event, including speakers and stalls by the '
         'end of 2010/11',
         'Q1. Review 09/10 events and distribute feedback to DATG members. Identify budget. Q2. Research 2010/11 '
         'event Q3. Recruit speakers and delegates. Book venue. Q4. Deliver event. All payments completed.',
         'East Cambs DC hope to hold event in summer 2011.'],
        ['1.3',
         'SK',
         'Catalogue & Develop available DATG promotional materials and create a central library of materials '
         'available.',
         'Q2. Agree on joint publicity materials and get printed (as appropriate). Q3. Circulate materials and/or '
         'signpost agencies as appropriate.',
         'Materials catalogued and list and URLs to be circulated.'],
        ['1.4',
         'SK & LR',
         'Targeted promotions by DATG partner agencies each quarter using dv materials. Quarterly Actions as '
         'specified.',
         'Q2. Sanctuary Hereward deliver with newsletter to all housing schemes. Q4. ECDC Housing team to deliver '
         'materials.',
         'Ongoing.'],
        ['1.5',
         'TK, BF & IB',
         'To update South, City & East Cambridgeshire District Council websites content on Domestic Violence. '
         'Agree any new content with the DATG.',
         'Q2. Assess current content Q2. Additions/deletions from DATG meeting. Q3. Revised website content '
         'uploaded. Q4. End of year review and report to the DV task group meeting.',
         'The initial stage of looking at dv webpage content has been undertaken. Unforeseen issues such as '
         'corporate styles, have somewhat hampered exact wording on all 3 districts sites. Work has now been '
         'completed.'],
        ['1.6',
         'SK',
         'Advocate with Local Authorities, County Council, CSPs & any other relevant agencies to continue to '
         'raise awareness of the Sanctuary Scheme and lobby support by requesting they seek to identify a core '
         'budget allocation for sanctuary spaces.',
         'Q1. Investigate budget allocation & apply for Capital Funding grant. Q2. Develop support to secure core '
         '2011-12 budget. Q3. Draft committee report to go to relevant agencies, CSPs & CC and identify '
         'appropriate committee. Q4. Deliver committee report aimed to secure funding from core budget.',
         'Future of Sanctuary project uncertain in light of funding cuts.'],
        ['1.7',
         'BF',
         'Produce DV advice cards for professionals.',
         'Q2. Distribute remaining Sth/City cards to Addenbrookes Q3. Revise template Q4. Distribute',
         'Over 1,000 helpline cards have been distributed.'],
        ['1.8',
         'SK',
         'Raise awareness with local employers to develop a separate DV Workplace Policy.',
         'Q2-Q3: Write to Local Authorities, County Council & relevant agencies to lobby employers to consider dv '
         'issues within their H&S & welfare policies, signposting to policy templates/guidance.',
         'IB has forwarded on to SK recent research information from DAWES re dv workplace policies. County '
         'Council are revisiting their policy.'],
        ['Priority 2: To Reduce Repeat Victimization', '', '', '', ''],
        ['1.9',
         '',
         'Increase the number of East Cambs referrals (& maintain South/City) to the MARAC by active engagement '
         'with the PCT Social Care Unit. Liaison with midwives, CMHT, Cambs NHS, Social Workers.',
         'Q2 Monitor number of referrals made & report back to DV Implementation Group for Action Q2 Monitor '
         'number of referrals made & report back to DV Implementation Group for Action Q3 & Q4 – Arrange further '
         'training or awareness raising to respond to gaps',
         'Ongoing.'],
        ['1.10',
         'SK & LR',
         'Continue to advocate the support for the Freedom programme for individuals who use violence in their '
         'relationships by lobby the CSP Boards and other relevant agencies to allocate core funding.',
         'Q1. Identify funding to support a rolling 36 session programme in both City & East Cambs Q2. Develop '
         'support to secure core 2011-12 budget. Q3. Draft committee report to go to relevant agencies, CSPs & CC '
         'and identify appropriate committee. Q4. Deliver committee report aimed to secure funding from core '
         'budget.',
         '£5,300 allocated for Freedom programmes in South Cambs.'],
        ['1.11',
         'MFS/AJ',
         'To continue to investigate the viability of establishing a Halfway House/emergency housing stock in the '
         'district to support victims of dv living in East Cambs',
         '',
         'Sanctuary Hereward have provided a 3-bed house. Issues regarding the lease need to be resolved.'],
        ['Priority 3: Challenging the Attitudes of Children & Young People to Domestic Abuse', '', '', '', ''],
        ['1.12',
         'SK',
         "Deliver Young People's Freedom Programmes (with ASDAN accredited outcomes) through Romsey Mill and The "
         "Meadow's Children & Family Wing",
         '',
         'Both programmes completed.'],
        ['Priority 4: Support Children & Young People who Witness/and or Experience Domestic Violence',
         '',
         '',
         '',
         ''],
        ['1.13',
         'SK',
         'Ascham Road / Romsey Mill to pilot and evaluate "Hold Your Head High", a perpetrator and victim '
         'programme for young men.',
         '',
         'Ongoing programme.'],
        ['1.14',
         'County CYP Group',
         'Deliver one Therapeutic programme for Children and Young People who are witnesses or victims of '
         'Domestic Violence in East Cambridgeshire. Budget allocated from East Cambridgeshire CSP up to £1,000',
         '',
         'Abandoned as County CYP group disbanded.'],
        ['Priority 5: Challenging Behaviour of Domestic Violence Offenders', '', '', '', ''],
        ['1.15',
         'AS',
         'Develop "New Directions Service" pilot in Cambridge for individuals that use violence in their '
         'relationships.',
         '',
         'Safer City grant awarded to help renovate office space for group.'],
        ['Priority 6: To Increase the Awareness of Domestic Abuse Services in Hard –to –Reach Groups',
         '',
         '',
         '',
         ''],
        ['1.16',
         'NB',
         'Explore and develop awareness raising amongst BME groups in the district (Migrant workers, Travellers '
         'etc), including targeted translations of DV literature and specific Travellers',
         'Q1. Research BME Q2. Identify delivery areas/key contacts. Q3. Distribute literature Q4. Evaluation',
         'The Community Cohesion Officer is in an ongoing process to forge links with all hard-to-reach groups. '
         'Aware of DV issues within this remit and is using the reporting process as needed.']],
 'p1': [['1.1 CDRP to operate a dynamic and informed multi agency Serious Acquisitive Crime Task Group focusing '
         'on issues of dwelling burglary and vehicle crime, and ensure consistent and energetic engagement at a '
         'local level.',
         '1.1a Group to meet monthly and share information about dwelling burglary and vehicle crime, including '
         'police fortnightly analysis updates to identify areas requiring attention and inform the direction of '
         'partnership initiatives 1.1b Police to share with relevant partners updates of the dwelling burglary '
         'and vehicle crime priorities being managed under the Police Level 1 Tactical Tasking and Co-ordination '
         'Group process, including successes and learning for the wider group 1.1c Specific information sharing '
         'protocols in place to manage the exchange of relevant personal information between the police and '
         'partner agencies, formulated on an identified needs basis. 1.1d SAC Task Group to consider and review '
         'the Vigilance programme activities undertaken within Cambridge City and ensure lessons to be learnt are '
         'incorporated into task group processes.',
         'Police – CI Dave Sargent',
         'Police Authority, Fire & Rescue Service, SCDC Community Safety, Trading Standards',
         'Reports received from Police representative Group continues to meet and shares information Revised ISA '
         'agreed in May 2010.'],
        ['1.2 Address known serious acquisitive crime offenders through the PPO scheme',
         'See Priority 2 Action Plan for more information',
         '',
         '',
         ''],
        ['1.3 Provide support and advice to residents about keeping their property secure',
         '1.3a Encourage members of the community to register on e-cops and NHW schemes and distribute regular '
         'crime prevention messages through these communication channels. To assess the numbers registering and '
         'expansion or setting up of schemes.',
         'Police SAC Task Group – Rachel Carr Police SCDC SAC Task Group – Bridget Fairley',
         'SAC Task Group',
         'The following figures relate to South Cambs residents: Registered on Ecops = 3350 Registered to NHW = '
         '444 Registered to Ecops between Jan - March 2011 = 173 Registered to NHW between Jan - March = 0 The '
         'number of messages on average that have been sent to South Cambs residents between Jan - March = 26 The '
         'number of messages that have been sent to South Cambs NHW Co-ordinators between Jan - March 2011 = 73'],
        ['',
         '1.3b Distribute relevant crime prevention information at community safety events; Neighbourhood Panel '
         'meetings; ecops and to Parish Councils',
         '',
         '',
         '2 security surveys following burglaries in Melbourn.'],
        ['',
         '1.3c Maintain effective communications through the delivery of seasonal crime prevention messages and '
         'good news stories through the media, South Cambs Magazine, and Police website',
         '',
         '',
         'Article in Spring 2011 magazine relating to vehicle crime roadshows.'],
        ['1.4 To facilitate the target hardening of the most vulnerable households in the district',
         '1.4a Promotion of and active referrals into the countywide Bobby Scheme to deliver home security '
         'improvements to the elderly and vulnerable\n'
         '1.4b Assist vulnerable individuals in accessing relevant support services through the promotion of, and '
         'active referrals into the Cambridgeshire Homeshield scheme\n'
         '1.4c Manage, monitor and evaluate the delivery process of Partnership funded property marking '
         'solutions, including the procurement and storage of the supplies and number of premises registered.',
         'Police Shrievally Trust All CDRP Partner Agencies NI16 Delivery Group and SAC Task Group',
         '',
         'Burglaries - 7\n'
         'Distraction Burglaries - 1\n'
         'Attempted Burglaries - 1\n'
         'Pro-active calls – 50\n'
         '23 Homeshield referrals'],
        ['1.5 To facilitate the target hardening of the most vulnerable areas for vehicle crime in the district',
         '1.5a Commission a piece of research into vehicle crime activity and potential interventions and take '
         'appropriate action in response to findings and recommendations',
         'SAC Task Group',
         'County Council Crime Research Team',
         'Detailed report received from Ian Hudson/Mike Soper on vehicle crime which formed basis of funding '
         'bid.'],
        ['1.6 Combat Distraction Burglars and Rogue Traders',
         '1.6a Respond to calls from residents concerned about rogue traders 1.6b Work with local communities to '
         'prevent residents becoming victims of rogue traders and distraction burglary 1.6c Work with SAC Task '
         'Group to consider establishing No Cold Calling Zones in the District, based upon criteria and where '
         'required to reduce doorstep crime 1.6d Ensure CDRP representation and involvement at Countywide '
         'Distraction Burglary group 1.6e Ensure SAC Task Group receives updates about , and supports the '
         "activity conducted by the Constabulary's divisional Distraction Burglary Group.",
         'County Trading Standards Service',
         'Police, SCDC Housing, Bobby Scheme, Fire Service',
         'TS have a major investigation relating to rogue trading which is centred around activities in Cambridge '
         'and South Cambs. Stats not available on district response. Joint work with the police is being '
         'planned.\n'
         'Press releases, radio interviews and articles for Parish magazines on burglar alarm company activities. '
         'Event at Scotsdale nursery, Shelford. Presentation at Friendship club in Hardwick.\n'
         'Groups attended by Police representative and feedback received at task group meetings.'],
        ['1.7 Ensure best practice in crime reduction is considered in planning applications',
         '1.7a Consult with Police Architectural Liaison Officer on relevant planning applications 1.7b Ensure '
         'that emerging South Cambridgeshire Local Development Framework includes clear references to crime '
         'reduction',
         'Police – CI Dave Sargent SCDC Planning & Sustainable Communities Service',
         '',
         'Discussions ongoing.']],
 'p2': [['2.1 Maintain and develop effective mechanisms in South Cambridgeshire for the management and review of '
         'local delivery of the reducing re-offending agenda',
         '2.1a CDRP Board to contribute to the development of offender management programmes in preparation for '
         'the development of an integrated approach',
         'CDRP Board Southern Reducing Re-Offending Executive Board Chair CDRP Reducing Re-offending Lead Member',
         '',
         'Board in place; meeting quarterly'],
        ['',
         "2.1b In recognition of the CDRP's statutory responsibility for reducing re-offending, to build a "
         'business case to broaden and develop the remit of the PPO Executive Board and secure the buy-in of '
         'Board members and key service providers',
         '',
         '',
         ''],
        ['',
         '2.1c CDRP Chair/Reducing Re-offending Lead Officer to attend as an active member of the PPO Executive '
         'Board and Cambridgeshire Criminal Justice Board Meetings',
         '',
         '',
         ''],
        ['',
         '2.1d CDRP to commence engagement with Drug Intervention Programmes to understand their contribution to '
         'the reducing re-offending agenda, with level of required information provision to be negotiated between '
         'the CDRP, DIP and DAAT',
         '',
         '',
         ''],
        ['',
         '2.1e CDRP to maintain links with Cambridgeshire Together and the Constabulary reducing re-offending '
         'thematic lead, to ensure awareness of the progress being made at a county-level',
         '',
         '',
         ''],
        ['2.2 Tackle the most prolific and damaging offenders through an effective Priority and other Prolific '
         'Offender (PPO) scheme',
         '2.2a Maintain and monitor a PPO scoring matrix with weighting based on identified priority crime types '
         'i.e. serious acquisitive crime',
         'Police, Probation Service and Youth Offending Service',
         '',
         'PPO scheme operating (separate update sheet provided).'],
        ['',
         '2.2b Continued identification of people who are likely to be prolific offenders and who are likely to '
         'be causing harm to the community and test the hypothesis by running the potential client through the '
         'PPO matrix. Ensure this is reviewed on a six-monthly basis',
         '',
         '',
         'PPO Coordinator continues to attend monthly ASB meetings'],
        ['',
         '2.2c Manage the transition of an offender onto a less intensive regime in preparation for de-selection '
         'from the PPO Scheme',
         '',
         '',
         ''],
        ['',
         '2.2d Each PPO to be supported by a bespoke action plan that is agreed, written and executed as '
         'required.',
         '',
         '',
         ''],
        ['', '2.2e Ensure links maintained with South Cambs ASB Task Group through ASB Co-ordinator.', '', '', ''],
        ['',
         '2.2f Identify, through schemes such as Family Interventions Project, PPO and the ASB Task Group, young '
         'people at risk of becoming involved in anti-social behaviour or other types of criminal activity',
         '',
         '',
         ''],
        ['2.3 Ensure continuity of support services of PPO Clients',
         '2.3a Seek to secure sustained funding for key support posts within the PPO scheme i.e. Support and '
         'Resettlement Officer and PPO Police Officer',
         'Reducing Re-offending Strategic Board',
         '',
         'Funding for 2011 onwards is unresolved and remains a concern for the Board.'],
        ['2.4 To develop and implement improved potential accommodation services for South Cambs based '
         'PPOs/Offenders',
         '2.4a To continue to develop dialogue between partners to set up a Cambridgeshire Offender Accommodation '
         'Forum to tackle accommodation issues and provide housing advice for offenders',
         'SCDC Housing PPO Resettlement Officer',
         '',
         'No progress.'],
        ['',
         '2.4b Ensure links maintained with South Cambs District Housing and Registered Social Landlords through '
         'Housing Officer. To assist in the provision of appropriate accommodation for those in need.',
         '',
         '',
         'Attendance at the monthly PPO PSG'],
        ['2.5 Facilitate lifestyle changes for offenders, thus reducing their offending behaviour',
         '2.5a Develop "Pathway to Work" scheme to support offenders in finding employment through liaison with '
         'Job Centre Plus',
         'Probation',
         '',
         "Work being taken forward through IOM scheme, and links with 'ONE' project. Processes and referral route "
         'initiated with AddAction and NACRO'],
        ['',
         '2.5b Establish network and linkages with Alcohol Support Services to work with offenders with substance '
         'misuse needs',
         'Southern Reducing Re-Offending Scheme Executive Board',
         '',
         ''],
        ['',
         '2.5c Effective use of funds for targeted interventions for re-offenders, to provide practical and '
         'therapeutic support to increase positive and continued engagement with PPO Scheme',
         'Police Reducing Re-offending Thematic Lead PPO Co-ordinator',
         '',
         '']]}
